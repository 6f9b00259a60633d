package dev.anjian.simulator;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The simulator's settings, loaded once from {@link Config}; keys documented in
 * {@code config/simulator.properties}.
 *
 * @param mqttUrl      broker to publish to ({@code mqtt.url}, default tcp://127.0.0.1:1883)
 * @param clientId     MQTT client id ({@code simulator.client-id}, default anjian-simulator); unique per broker
 * @param registryFile devices to simulate ({@code simulator.registry-file}, default
 *                     config/registry/henan-example.yaml); vehicle terminals are skipped
 * @param interval     wall time between two messages of one sensor ({@code simulator.interval}, default 2s)
 * @param timeScale    scenario seconds per wall second ({@code simulator.time-scale}, default 1.0: the incidents
 *                     take about 3 minutes; 10 runs them in 18 s)
 * @param seed         noise seed ({@code simulator.seed}, default 42): the same seed gives the same values
 * @param duration     stop publishing after this wall time ({@code simulator.duration}); empty: until closed
 */
public record SimulatorSettings(String mqttUrl, String clientId, Path registryFile, Duration interval, double timeScale,
                                long seed, Optional<Duration> duration) {

    public static final String DEFAULT_MQTT_URL = "tcp://127.0.0.1:1883";
    public static final String DEFAULT_CLIENT_ID = "anjian-simulator";
    public static final String DEFAULT_REGISTRY_FILE = "config/registry/henan-example.yaml";
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
    public static final double DEFAULT_TIME_SCALE = 1.0;
    public static final long DEFAULT_SEED = 42;

    public SimulatorSettings {
        require(mqttUrl != null && !mqttUrl.isBlank(), "mqtt.url", "must not be empty");
        require(clientId != null && !clientId.isBlank(), "simulator.client-id", "must not be empty");
        require(registryFile != null, "simulator.registry-file", "must not be empty");
        require(interval != null && !interval.isNegative() && !interval.isZero(), "simulator.interval", "must be > 0");
        require(Double.isFinite(timeScale) && timeScale > 0, "simulator.time-scale", "must be a number > 0");
        duration = duration == null ? Optional.empty() : duration;
        require(duration.map(d -> !d.isNegative() && !d.isZero()).orElse(true), "simulator.duration", "must be > 0");
    }

    public static SimulatorSettings from(Config config) {
        return new SimulatorSettings(
                config.string("mqtt.url", DEFAULT_MQTT_URL),
                config.string("simulator.client-id", DEFAULT_CLIENT_ID),
                Path.of(config.string("simulator.registry-file", DEFAULT_REGISTRY_FILE)),
                config.duration("simulator.interval", DEFAULT_INTERVAL),
                parse(config, "simulator.time-scale", DEFAULT_TIME_SCALE, Double::parseDouble, "a number such as 1.0 or 10"),
                parse(config, "simulator.seed", DEFAULT_SEED, Long::parseLong, "a whole number"),
                Optional.ofNullable(config.duration("simulator.duration", null)));
    }

    private static <T> T parse(Config config, String key, T defaultValue, Function<String, T> parser,
                               String expected) {
        String text = config.string(key, null);
        if (text == null) {
            return defaultValue;
        }
        try {
            return parser.apply(text.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("config key '" + key + "' (env " + Config.envName(key) + ") must be " + expected
                    + ", was '" + text + "'");
        }
    }

    private static void require(boolean valid, String key, String problem) {
        if (!valid) {
            throw new ConfigException("config key '" + key + "' (env " + Config.envName(key) + ") " + problem);
        }
    }
}
