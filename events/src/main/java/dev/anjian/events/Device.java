package dev.anjian.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * A registered device, on the compacted topic device-registry keyed by {@link #deviceId()}. The registry
 * is the truth: devices that report but are not here are dead-lettered, devices here that never report
 * are OFFLINE. {@code regionCode} is the GB/T 2260 county or city code (410100 Zhengzhou).
 * {@code mqttCredential} is optional: the salted password hash ({@link MqttCredential}) with which the device
 * may connect to the native MQTT endpoint; without it (null, absent from the JSON) it can only report
 * through the broker.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Device(
        String deviceId,
        DeviceKind kind,
        String enterpriseId,
        String enterpriseName,
        String regionCode,
        Industry industry,
        String location,
        int offlineTimeoutSeconds,
        List<MetricSpec> metrics,
        VehicleInfo vehicle,
        String mqttCredential) {

    public Device {
        Require.text(deviceId, "deviceId");
        Require.present(kind, "kind");
        Require.text(enterpriseId, "enterpriseId");
        Require.text(enterpriseName, "enterpriseName");
        Require.text(regionCode, "regionCode");
        if (!regionCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("field 'regionCode' must be a 6-digit GB/T 2260 code, was " + regionCode);
        }
        Require.present(industry, "industry");
        location = location == null ? "" : location;
        if (offlineTimeoutSeconds <= 0) {
            throw new IllegalArgumentException("field 'offlineTimeoutSeconds' must be > 0, was " + offlineTimeoutSeconds);
        }
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        if (metrics.stream().map(MetricSpec::metric).distinct().count() != metrics.size()) {
            throw new IllegalArgumentException("field 'metrics' names a metric twice");
        }
        if (kind == DeviceKind.VEHICLE_TERMINAL && vehicle == null) {
            throw new IllegalArgumentException("missing required field 'vehicle' for a VEHICLE_TERMINAL");
        }
        if (mqttCredential != null) {
            MqttCredential.parse(mqttCredential); // a malformed one is refused here, not at the device's first CONNECT
        }
    }

    /** A device without an MQTT credential (it reports through the broker, or over JT/T 808). */
    public Device(String deviceId, DeviceKind kind, String enterpriseId, String enterpriseName, String regionCode,
            Industry industry, String location, int offlineTimeoutSeconds, List<MetricSpec> metrics,
            VehicleInfo vehicle) {
        this(deviceId, kind, enterpriseId, enterpriseName, regionCode, industry, location, offlineTimeoutSeconds,
                metrics, vehicle, null);
    }

    /** A copy that may connect to the native MQTT endpoint with the password behind {@code credential}. */
    public Device withMqttCredential(MqttCredential credential) {
        return new Device(deviceId, kind, enterpriseId, enterpriseName, regionCode, industry, location,
                offlineTimeoutSeconds, metrics, vehicle, credential == null ? null : credential.text());
    }

    /** The parsed {@link #mqttCredential}, empty when the device has none. */
    public Optional<MqttCredential> credential() {
        return Optional.ofNullable(mqttCredential).map(MqttCredential::parse);
    }

    public Optional<MetricSpec> metric(String name) {
        return metrics.stream().filter(m -> m.metric().equals(name)).findFirst();
    }
}
