package dev.anjian.alerting.pipeline;

import dev.anjian.alerting.book.AlarmBook;
import dev.anjian.alerting.sms.SmsText;
import dev.anjian.events.AlarmEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerting stages on the poll thread, one call per event: {@link #handle} takes an alarm state change
 * through the planner; {@link #tick} closes storm windows into summaries, escalates and reminds, records
 * delivery receipts and lets the outbox send and record. Owns which alarm partitions are this instance's.
 */
public final class AlertingEngine {

    private static final Logger LOG = LoggerFactory.getLogger(AlertingEngine.class);
    private static final long ESCALATION_EVERY_MS = 1_000;

    private final AlarmBook book;
    private final NotificationPlanner planner;
    private final StormGrouper grouper;
    private final Escalator escalator;
    private final ReceiptRecorder receipts;
    private final Outbox outbox;
    private final OffsetTracker offsets;
    private final SmsText smsText;
    private final AlertingCounters counters;
    private final Clock clock;
    private final int backlogMax;
    private final Set<Integer> owned = new HashSet<>();
    private long lastEscalation = Long.MIN_VALUE;

    public AlertingEngine(AlarmBook book, NotificationPlanner planner, StormGrouper grouper, Escalator escalator,
            ReceiptRecorder receipts, Outbox outbox, OffsetTracker offsets, SmsText smsText, AlertingCounters counters,
            Clock clock, int backlogMax) {
        this.book = book;
        this.planner = planner;
        this.grouper = grouper;
        this.escalator = escalator;
        this.receipts = receipts;
        this.outbox = outbox;
        this.offsets = offsets;
        this.smsText = smsText;
        this.counters = counters;
        this.clock = clock;
        this.backlogMax = backlogMax;
    }

    public void handle(AlarmEvent alarm, Notice.Source source) {
        book.apply(alarm, source.partition(), source.offset());
        planner.plan(alarm, source);
    }

    public void tick() {
        long now = clock.millis();
        for (List<Notice> held : grouper.due(now)) {
            outbox.enqueue(held.size() == 1 ? held.get(0) : summary(held, now));
        }
        if (lastEscalation == Long.MIN_VALUE || now - lastEscalation >= ESCALATION_EVERY_MS || now < lastEscalation) {
            lastEscalation = now;
            escalator.tick(now, owned::contains);
        }
        receipts.drain(now);
        outbox.tick(now);
        counters.backlog(outbox.size(), outbox.oldestAgeMillis(now), grouper.held());
    }

    private Notice summary(List<Notice> held, long now) {
        Notice first = held.get(0);
        long from = held.stream().mapToLong(Notice::createdAt).min().orElse(now);
        List<Notice.Item> items = held.stream().flatMap(n -> n.items().stream()).toList();
        String text = smsText.summary(first.enterpriseLabel(), Instant.ofEpochMilli(from), Instant.ofEpochMilli(now),
                items.stream().map(Notice.Item::brief).toList(), items.stream().map(Notice.Item::alarmId).toList());
        LOG.info("storm of {} alarm changes for {} ({}): one summary SMS", held.size(), first.enterpriseId(),
                first.contact().id());
        return Notice.summary(held, text, now);
    }

    /** True when the consumer should stop fetching alarms: the backlog reached its bound. */
    public boolean backlogFull() {
        return outbox.size() >= backlogMax;
    }

    public void assigned(Collection<TopicPartition> partitions) {
        partitions.forEach(tp -> owned.add(tp.partition()));
    }

    /** Partitions moved away: unsent SMS of their alarms are dropped (the new owner re-reads them). */
    public void revoked(Collection<TopicPartition> partitions) {
        Set<Integer> gone = new HashSet<>();
        partitions.forEach(tp -> gone.add(tp.partition()));
        owned.removeAll(gone);
        java.util.function.Predicate<Notice> moved = n -> n.sources().stream().anyMatch(s -> gone.contains(s.partition()));
        List<Notice> held = grouper.drop(moved);
        outbox.forget(held);
        int dropped = outbox.drop(moved) + held.size();
        offsets.forget(partitions);
        if (dropped > 0) {
            LOG.info("{} unsent SMS dropped with revoked partitions {}; their alarms are re-read by the new owner",
                    dropped, partitions);
        }
    }
}
