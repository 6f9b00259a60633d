package dev.anjian.ingest.mqttserver;

import dev.anjian.events.Device;
import dev.anjian.ingest.mqtt.TelemetryMessage;
import java.util.Optional;

/**
 * What an authenticated device may publish to: its own telemetry topic only,
 * {@code anjian/telemetry/<its registered enterpriseId>/<its deviceId>}, e.g.
 * {@code anjian/telemetry/E-HN-COAL-01/HN-PDS-CM01-CH4-T1}. Fixed when the device connects: a registry change
 * applies from its next CONNECT. So a device can neither speak for another device nor for another enterprise.
 */
record PublishGrant(String deviceId, String topic) {

    static PublishGrant of(Device device) {
        return new PublishGrant(device.deviceId(), TelemetryMessage.topic(device.enterpriseId(), device.deviceId()));
    }

    /** Empty when {@code publishTopic} is allowed, else why not (for the dead letter and the log). */
    Optional<String> refusal(String publishTopic) {
        if (topic.equals(publishTopic)) {
            return Optional.empty();
        }
        String shown = publishTopic == null ? "(none)" : "'" + publishTopic.replaceAll("\\p{Cntrl}", "?") + "'";
        if (shown.length() > 130) {
            shown = shown.substring(0, 128) + "...'";
        }
        return Optional.of("not authorized: device '" + deviceId + "' may publish only to '" + topic + "', not to "
                + shown);
    }
}
