package dev.anjian.alerting.pipeline;

import dev.anjian.events.Notification;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals for the periodic summary line and for tests. Written by the poll thread, read by the
 * summary logger, hence adders.
 */
public final class AlertingCounters {

    /** A consistent-enough view for one log line. */
    public record Snapshot(long alarms, long sent, long skipped, long failed, long duplicates, long ignored, long rejected) {

        public String line() {
            return "alarms seen " + alarms + ", sent " + sent + ", skipped " + skipped + ", failed " + failed
                    + ", duplicates " + duplicates + ", not notified (ack/handled) " + ignored
                    + ", rejected input " + rejected;
        }
    }

    private final LongAdder alarms = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    public void alarmSeen() {
        alarms.increment();
    }

    public void recorded(Notification.Result result) {
        switch (result) {
            case SENT -> sent.increment();
            case SKIPPED -> skipped.increment();
            case FAILED -> failed.increment();
        }
    }

    public void duplicate() {
        duplicates.increment();
    }

    public void ignored() {
        ignored.increment();
    }

    public void rejected() {
        rejected.increment();
    }

    public Snapshot snapshot() {
        return new Snapshot(alarms.sum(), sent.sum(), skipped.sum(), failed.sum(), duplicates.sum(), ignored.sum(),
                rejected.sum());
    }
}
