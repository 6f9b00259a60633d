package dev.anjian.ingest.mqtt;

import java.util.Optional;

/**
 * The MQTT topic of a telemetry message, {@code anjian/telemetry/{enterpriseId}/{deviceId}}, e.g.
 * {@code anjian/telemetry/E41010001/GAS-0001}: exactly four levels, both ids non-blank and free of wildcards.
 */
public record TelemetryTopic(String enterpriseId, String deviceId) {

    /** The filter the bridge subscribes to (inside a shared subscription). */
    public static final String FILTER = TelemetryMessage.TOPIC_ROOT + "/+/+";

    public static Optional<TelemetryTopic> parse(String topic) {
        if (topic == null) {
            return Optional.empty();
        }
        String[] levels = topic.split("/", -1);
        if (levels.length != 4 || !"anjian".equals(levels[0]) || !"telemetry".equals(levels[1])
                || !validId(levels[2]) || !validId(levels[3])) {
            return Optional.empty();
        }
        return Optional.of(new TelemetryTopic(levels[2], levels[3]));
    }

    private static boolean validId(String id) {
        return !id.isBlank() && id.indexOf('+') < 0 && id.indexOf('#') < 0;
    }
}
