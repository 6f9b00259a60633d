package dev.anjian.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The TCP ports an anjian container listens on: JT/T 808 (jt808.port), the native MQTT endpoint
 * (mqtt-endpoint.port) and the alarm API (api.port), each its documented default unless its ANJIAN_*
 * variable overrides it. A deployment file that publishes or probes anything else has a typo.
 */
final class AnjianPorts {

    static final Set<String> KEYS = Set.of("jt808.port", "mqtt-endpoint.port", "api.port");

    private AnjianPorts() {
    }

    static Set<String> effective(DocumentedKeys keys, Function<String, String> env) {
        Set<String> ports = new TreeSet<>();
        for (String key : KEYS) {
            String override = env.apply(dev.anjian.common.Config.envName(key));
            ports.add(override != null ? override : keys.defaultOf(key));
        }
        return ports;
    }
}
