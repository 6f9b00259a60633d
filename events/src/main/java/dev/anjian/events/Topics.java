package dev.anjian.events;

/**
 * The Kafka topic names of the contract, all under one configurable prefix (default {@code anjian.}).
 * Keys: device-events, device-registry and device-status by device id; alarms and alarm-commands by
 * alarm id; notifications by {@link Notification#ledgerKey()}; dead-letter by source.
 */
public record Topics(String prefix) {

    public static final String DEFAULT_PREFIX = "anjian.";

    public Topics {
        if (prefix == null) {
            throw new IllegalArgumentException("topic prefix must not be null (use \"\" for none)");
        }
    }

    public static Topics withDefaultPrefix() {
        return new Topics(DEFAULT_PREFIX);
    }

    public String deviceEvents() { return prefix + "device-events"; }

    /** Compacted: the latest {@link Device} per id, a tombstone when removed. */
    public String deviceRegistry() { return prefix + "device-registry"; }

    public String alarmCommands() { return prefix + "alarm-commands"; }

    public String alarms() { return prefix + "alarms"; }

    public String deviceStatus() { return prefix + "device-status"; }

    public String onlineRates() { return prefix + "online-rates"; }

    /** Compacted ledger: one record per alarm state change and recipient. */
    public String notifications() { return prefix + "notifications"; }

    public String deadLetter() { return prefix + "dead-letter"; }
}
