package dev.anjian.jobs.onlinerate;

/**
 * A device-registry record as the online rates need it: the device's scopes ({@code null} for a removal,
 * a tombstone) and {@code atMillis}, the Kafka timestamp of the registry record, taken as the time the
 * device was registered or removed. Re-imports of an unchanged device keep its first registration time
 * (the job's state remembers it); only a fresh start without state sees the latest record's timestamp.
 */
public record RegistryChange(String deviceId, Dims dims, long atMillis) {

    public boolean isRemoval() {
        return dims == null;
    }
}
