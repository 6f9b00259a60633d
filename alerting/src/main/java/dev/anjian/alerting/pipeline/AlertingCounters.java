package dev.anjian.alerting.pipeline;

import dev.anjian.events.Notification;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals and gauges for the summary log line, the /metrics endpoint and tests. Written by the
 * poll thread, read by the summary logger and the API threads, hence adders and atomics.
 */
public final class AlertingCounters {

    /** A consistent-enough view for one log line or one scrape. */
    public record Snapshot(long alarms, long sent, long skipped, long failed, long duplicates, long ignored, long rejected,
            long retried, long grouped, long summaries, long escalations, long reminders, long backlog,
            long backlogOldestMillis, long held, Map<String, Long> receipts, long influxWritten, long influxFailed) {

        public String line() {
            return "alarms seen " + alarms + ", sent " + sent + ", skipped " + skipped + ", failed " + failed
                    + ", duplicates " + duplicates + ", not notified (ack/handled) " + ignored
                    + ", rejected input " + rejected + ", retries " + retried + ", grouped " + grouped + " into "
                    + summaries + " summaries, escalations " + escalations + ", reminders " + reminders
                    + ", backlog " + backlog + " (oldest " + backlogOldestMillis / 1000 + " s), held for grouping "
                    + held + ", receipts " + receipts + ", dashboard points written " + influxWritten + ", dropped "
                    + influxFailed;
        }
    }

    private final LongAdder alarms = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder grouped = new LongAdder();
    private final LongAdder summaries = new LongAdder();
    private final LongAdder escalations = new LongAdder();
    private final LongAdder reminders = new LongAdder();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong backlogOldestMillis = new AtomicLong();
    private final AtomicLong held = new AtomicLong();
    private final Map<String, LongAdder> receipts = new ConcurrentHashMap<>();
    private final LongAdder influxWritten = new LongAdder();
    private final LongAdder influxFailed = new LongAdder();

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

    public void retried() {
        retried.increment();
    }

    public void summary(int alarmsGrouped) {
        summaries.increment();
        grouped.add(alarmsGrouped);
    }

    public void escalated() {
        escalations.increment();
    }

    public void reminded() {
        reminders.increment();
    }

    public void receipt(String status) {
        receipts.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** Notification points InfluxDB accepted. */
    public void influxWritten(int points) {
        influxWritten.add(points);
    }

    /** Notification points dropped (InfluxDB down after retries, or too many waiting): the ledger still has them. */
    public void influxFailed(int points) {
        influxFailed.add(points);
    }

    public void backlog(long size, long oldestMillis, long heldForGrouping) {
        backlog.set(size);
        backlogOldestMillis.set(oldestMillis);
        held.set(heldForGrouping);
    }

    public Snapshot snapshot() {
        Map<String, Long> byStatus = new TreeMap<>();
        receipts.forEach((status, count) -> byStatus.put(status, count.sum()));
        return new Snapshot(alarms.sum(), sent.sum(), skipped.sum(), failed.sum(), duplicates.sum(), ignored.sum(),
                rejected.sum(), retried.sum(), grouped.sum(), summaries.sum(), escalations.sum(), reminders.sum(),
                backlog.get(), backlogOldestMillis.get(), held.get(), byStatus, influxWritten.sum(), influxFailed.sum());
    }
}
