package dev.anjian.jobs;

import dev.anjian.events.AlarmCommand;

/**
 * What changes how a device's readings are judged, on the threshold detector's second input: a registry
 * update, or a SUPPRESS command (a calibration or maintenance window from alarm-commands). Exactly one of
 * {@code registryUpdate} and {@code suppression} is set.
 */
public record DeviceControl(String deviceId, RegistryUpdate registryUpdate, AlarmCommand suppression) {

    public static DeviceControl of(RegistryUpdate update) {
        return new DeviceControl(update.deviceId(), update, null);
    }

    public static DeviceControl suppress(AlarmCommand command) {
        if (command.type() != AlarmCommand.Type.SUPPRESS) {
            throw new IllegalArgumentException("not a SUPPRESS command: " + command.type());
        }
        return new DeviceControl(command.deviceId(), null, command);
    }

    public boolean isRegistryUpdate() {
        return registryUpdate != null;
    }
}
