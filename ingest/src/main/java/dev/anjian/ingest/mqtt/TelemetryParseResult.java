package dev.anjian.ingest.mqtt;

import dev.anjian.events.DeviceEvent;
import java.util.List;

/** What {@link TelemetryPayloadParser} made of one MQTT message: readings to publish, or why it was rejected. */
public sealed interface TelemetryParseResult {

    /** One SENSOR_READING event per metric of the message, in payload order, all for {@code deviceId}. */
    record Readings(String enterpriseId, String deviceId, List<DeviceEvent> events) implements TelemetryParseResult {
        public Readings {
            events = List.copyOf(events);
        }
    }

    /** A message that is not valid telemetry; {@code reason} says what is wrong, e.g. {@code metric 'CH4': ...}. */
    record Rejection(String reason) implements TelemetryParseResult {
    }
}
