package dev.anjian.events;

/**
 * A device's ONLINE/OFFLINE transition, on topic device-status keyed by device id. {@code since} is
 * when the device's state changed (the last message's arrival plus the timeout, for a silent device).
 */
public record DeviceStatus(
        String deviceId,
        Status status,
        long since,
        String reason,
        String enterpriseId,
        String regionCode,
        Industry industry,
        DeviceKind kind) {

    public enum Status { ONLINE, OFFLINE }

    public DeviceStatus {
        Require.text(deviceId, "deviceId");
        Require.present(status, "status");
        Require.epochMillis(since, "since");
        reason = reason == null ? "" : reason;
        Require.text(enterpriseId, "enterpriseId");
        Require.text(regionCode, "regionCode");
        Require.present(industry, "industry");
        Require.present(kind, "kind");
    }
}
