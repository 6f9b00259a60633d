package dev.anjian.jobs.offline;

import dev.anjian.events.Device;
import dev.anjian.events.DeviceStatus;

/** A {@link DeviceStatus} transition with the registry tags that storage and online rates group by. */
final class DeviceStatuses {

    private DeviceStatuses() {
    }

    static DeviceStatus of(Device device, DeviceStatus.Status status, long since, String reason) {
        return new DeviceStatus(device.deviceId(), status, since, reason, device.enterpriseId(), device.regionCode(),
                device.industry(), device.kind());
    }
}
