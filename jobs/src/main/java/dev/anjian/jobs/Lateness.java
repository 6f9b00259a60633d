package dev.anjian.jobs;

import dev.anjian.events.DeviceEvent;
import java.io.Serializable;
import java.time.Duration;

/**
 * Which events are too old for a live SMS: the gateway says so ({@code backfilled}, JT/T 808 0x0704
 * blind-area re-sends), or the gateway received them more than {@code horizon} after the device took them.
 * Decided from the event's own two timestamps, so a replay after a restart decides the same way. Example,
 * horizon 5 min: eventTime 08:00:00, receivedAt 08:06:00 is late; receivedAt 08:04:59 is live.
 */
public record Lateness(long horizonMillis) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static Lateness of(Duration horizon) {
        return new Lateness(horizon.toMillis());
    }

    public boolean isLate(DeviceEvent event) {
        return event.backfilled() || event.receivedAt() - event.eventTime() > horizonMillis;
    }
}
