package dev.anjian.alerting;

import dev.anjian.alerting.book.AlarmBook;
import dev.anjian.alerting.ledger.LedgerIndex;
import dev.anjian.alerting.ledger.LedgerSink;
import dev.anjian.alerting.ledger.NotificationHistory;
import dev.anjian.alerting.pipeline.AlertingCounters;
import dev.anjian.alerting.pipeline.AlertingEngine;
import dev.anjian.alerting.pipeline.Backoff;
import dev.anjian.alerting.pipeline.Deduplicator;
import dev.anjian.alerting.pipeline.EscalationPolicy;
import dev.anjian.alerting.pipeline.Escalator;
import dev.anjian.alerting.pipeline.InFlight;
import dev.anjian.alerting.pipeline.NotificationPlanner;
import dev.anjian.alerting.pipeline.OffsetTracker;
import dev.anjian.alerting.pipeline.Outbox;
import dev.anjian.alerting.pipeline.ReceiptRecorder;
import dev.anjian.alerting.pipeline.Router;
import dev.anjian.alerting.pipeline.Sender;
import dev.anjian.alerting.pipeline.StatePolicy;
import dev.anjian.alerting.pipeline.StormGrouper;
import dev.anjian.alerting.routing.RoutingTable;
import dev.anjian.alerting.sms.SmsProvider;
import dev.anjian.alerting.sms.SmsText;
import java.time.Clock;

/**
 * The alerting chain assembled in one visible place, stage by stage:
 * state policy -> route -> de-duplicate -> render -> storm grouping -> outbox (send, retry, backoff) ->
 * ledger, with escalation and reminders feeding the same outbox and delivery receipts the same ledger.
 */
final class EngineAssembly {

    /** Sends per tick: bounds how long one loop round keeps the consumer from polling. */
    private static final int MAX_SENDS_PER_TICK = 50;

    private EngineAssembly() {
    }

    static AlertingEngine engine(AlertingSettings settings, RoutingTable routing, LedgerIndex index,
            NotificationHistory history, AlarmBook book, SmsProvider provider, LedgerSink ledger, OffsetTracker offsets,
            AlertingCounters counters, Clock clock) {
        PolicySettings policy = settings.policy();
        InFlight inFlight = new InFlight();
        Deduplicator deduplicator = new Deduplicator(index, inFlight);
        Router router = new Router(routing);
        SmsText smsText = new SmsText();
        Outbox outbox = new Outbox(new Sender(provider), ledger, deduplicator, history, inFlight, offsets::release, counters,
                new Backoff(settings.smsRetryBackoff(), settings.smsRetryBackoffMax()), settings.smsMaxAttempts(),
                MAX_SENDS_PER_TICK);
        StormGrouper grouper = new StormGrouper(policy.stormWindow(), policy.stormMaxIndividual());
        NotificationPlanner planner = new NotificationPlanner(new StatePolicy(), router, deduplicator, inFlight, smsText,
                grouper, outbox, history, offsets, counters, clock);
        Escalator escalator = new Escalator(new EscalationPolicy(policy.tier2After(), policy.tier3After(),
                policy.reminderInterval(), policy.reminderMax()), book, history, router, deduplicator, inFlight, smsText,
                outbox, counters, settings.topics().alarms());
        ReceiptRecorder receipts = new ReceiptRecorder(history, ledger, counters);
        provider.onReceipt(receipts::offer);
        return new AlertingEngine(book, planner, grouper, escalator, receipts, outbox, offsets, smsText, counters, clock,
                settings.smsBacklogMax());
    }
}
