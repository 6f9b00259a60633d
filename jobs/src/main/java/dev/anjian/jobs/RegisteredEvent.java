package dev.anjian.jobs;

import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.Industry;

/**
 * A device event of a registered device, with the registry facts that storage tags need (owner, region,
 * industry, kind). Only these events are stored: an unregistered device's events are dead-lettered.
 */
public record RegisteredEvent(
        DeviceEvent event, String enterpriseId, String regionCode, Industry industry, DeviceKind kind) {

    public static RegisteredEvent of(DeviceEvent event, Device device) {
        return new RegisteredEvent(event, device.enterpriseId(), device.regionCode(), device.industry(), device.kind());
    }
}
