package dev.anjian.jobs;

import dev.anjian.events.Device;

/**
 * One record of the compacted device-registry topic as the job sees it: the latest {@link Device} for
 * {@code deviceId}, or {@code device == null} when the device was removed (a Kafka tombstone).
 */
public record RegistryUpdate(String deviceId, Device device) {

    public static RegistryUpdate registered(Device device) {
        return new RegistryUpdate(device.deviceId(), device);
    }

    public static RegistryUpdate removed(String deviceId) {
        return new RegistryUpdate(deviceId, null);
    }

    public boolean isRemoval() {
        return device == null;
    }
}
