package dev.anjian.jobs;

import dev.anjian.events.DeviceEvent;

/**
 * Everything the per-device detectors read, on one stream: a device event, or a device control (registry
 * update or SUPPRESS window). One stream so that it is keyed by device id once and the detectors chain
 * behind that one exchange instead of each shuffling (and serializing) every event again. Exactly one of
 * {@code event} and {@code control} is set.
 */
public record DeviceInput(DeviceEvent event, DeviceControl control) {

    public static DeviceInput of(DeviceEvent event) {
        return new DeviceInput(event, null);
    }

    public static DeviceInput of(DeviceControl control) {
        return new DeviceInput(null, control);
    }

    public String deviceId() {
        return event != null ? event.deviceId() : control.deviceId();
    }

    /** The event if it is one of {@code type}, else null (the detector ignores it). */
    public DeviceEvent eventOf(DeviceEvent.Type type) {
        return event != null && event.type() == type ? event : null;
    }

    /** The registry update, else null: SUPPRESS windows and events are the threshold detector's. */
    public RegistryUpdate registryUpdate() {
        return control != null ? control.registryUpdate() : null;
    }
}
