package dev.anjian.jobs.lifecycle;

import dev.anjian.events.AlarmEvent;

/**
 * One alarm episode as the lifecycle knows it: the latest event of it ({@code last}), whether it is still
 * open, whether an operator acknowledged or handled it, and {@code forgetAt} (processing time): when a
 * closed episode is forgotten, or when an open one that nothing touched since is CLEARED by the lifecycle.
 */
public record Episode(AlarmEvent last, boolean open, boolean acknowledged, boolean handled, long forgetAt) {

    static Episode opened(AlarmEvent raised) {
        return new Episode(raised, true, false, false, 0L);
    }

    Episode updated(AlarmEvent event) {
        return new Episode(event, open, acknowledged, handled, forgetAt);
    }

    Episode idleUntil(long deadline) {
        return new Episode(last, open, acknowledged, handled, deadline);
    }

    Episode closed(AlarmEvent cleared, long forget) {
        return new Episode(cleared, false, acknowledged, handled, forget);
    }

    Episode acknowledgedBy(boolean ack, boolean handle) {
        return new Episode(last, open, acknowledged || ack, handled || handle, forgetAt);
    }
}
