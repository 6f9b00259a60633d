package dev.anjian.alerting.pipeline;

import dev.anjian.alerting.book.AlarmBook;
import dev.anjian.alerting.ledger.LedgerException;
import dev.anjian.alerting.ledger.LedgerIndex;
import dev.anjian.alerting.ledger.NotificationHistory;
import dev.anjian.alerting.sms.SmsMessage;
import dev.anjian.alerting.sms.SmsText;
import dev.anjian.alerting.testing.TestClock;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole alerting engine without Kafka: the ledger is a list (that can be "down"), the provider is
 * scripted, time is a {@link TestClock}. Alarms get consecutive offsets on partition 0.
 */
final class Chain {

    final TestClock clock = new TestClock(Instant.parse("2026-11-29T08:00:07Z"));
    final ScriptedProvider provider;
    final List<Notification> ledger = new ArrayList<>();
    final LedgerIndex index = new LedgerIndex(1000);
    final NotificationHistory history = new NotificationHistory(1000);
    final AlarmBook book = new AlarmBook(100);
    final OffsetTracker offsets = new OffsetTracker();
    final AlertingCounters counters = new AlertingCounters();
    final AlertingEngine engine;
    boolean ledgerDown;
    private long offset;

    Chain(ScriptedProvider provider, Duration stormWindow, int maxIndividual, Duration tier2After, Duration tier3After,
            Duration reminderInterval, int maxAttempts) {
        this.provider = provider;
        InFlight inFlight = new InFlight();
        Deduplicator dedup = new Deduplicator(index, inFlight);
        Router router = new Router(RouterTest.TABLE);
        SmsText text = new SmsText();
        Outbox outbox = new Outbox(new Sender(provider), n -> {
            if (ledgerDown) {
                throw new LedgerException("broker away");
            }
            ledger.add(n);
        }, dedup, history, inFlight, offsets::release, counters, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8)),
                maxAttempts, 50);
        StormGrouper grouper = new StormGrouper(stormWindow, maxIndividual);
        NotificationPlanner planner = new NotificationPlanner(new StatePolicy(), router, dedup, inFlight, text, grouper, outbox,
                history, offsets, counters, clock);
        Escalator escalator = new Escalator(new EscalationPolicy(tier2After, tier3After, reminderInterval, 3), book, history,
                router, dedup, inFlight, text, outbox, counters, "alarms");
        engine = new AlertingEngine(book, planner, grouper, escalator, new ReceiptRecorder(history, l -> ledger.add(l), counters),
                outbox, offsets, text, counters, clock, 100);
        engine.assigned(List.of(new org.apache.kafka.common.TopicPartition("alarms", 0)));
    }

    /** No grouping, no escalation, retry for ever. */
    static Chain plain() {
        return new Chain(new ScriptedProvider(), Duration.ZERO, 1, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0);
    }

    void alarm(AlarmEvent alarm) {
        Notice.Source source = new Notice.Source("alarms", 0, offset++);
        engine.handle(alarm, source);
        offsets.handled(source);
        engine.tick();
    }

    void after(Duration duration) {
        clock.advance(duration);
        engine.tick();
    }

    List<String> phones() {
        return provider.sent.stream().map(SmsMessage::phone).toList();
    }

    List<String> keys() {
        return ledger.stream().map(Notification::ledgerKey).toList();
    }
}
