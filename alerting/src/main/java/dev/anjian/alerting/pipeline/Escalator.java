package dev.anjian.alerting.pipeline;

import dev.anjian.alerting.book.AlarmBook;
import dev.anjian.alerting.book.AlarmEntry;
import dev.anjian.alerting.ledger.NotificationHistory;
import dev.anjian.alerting.routing.Contact;
import dev.anjian.alerting.sms.SmsText;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.Notification;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@link EscalationPolicy} to every open, unacknowledged alarm this instance owns. The facts
 * come from the notification history (the ledger), not from in-memory timers, so after a restart the same
 * alarms escalate at the same moments. An escalation step that finds nobody is recorded SKIPPED under
 * {@code none.tier<k>}, which starts the next tier's clock.
 */
public final class Escalator {

    private static final Logger LOG = LoggerFactory.getLogger(Escalator.class);

    private final EscalationPolicy policy;
    private final AlarmBook book;
    private final NotificationHistory history;
    private final Router router;
    private final Deduplicator deduplicator;
    private final InFlight inFlight;
    private final SmsText smsText;
    private final Outbox outbox;
    private final AlertingCounters counters;
    private final String alarmsTopic;

    public Escalator(EscalationPolicy policy, AlarmBook book, NotificationHistory history, Router router,
            Deduplicator deduplicator, InFlight inFlight, SmsText smsText, Outbox outbox, AlertingCounters counters,
            String alarmsTopic) {
        this.policy = policy;
        this.book = book;
        this.history = history;
        this.router = router;
        this.deduplicator = deduplicator;
        this.inFlight = inFlight;
        this.smsText = smsText;
        this.outbox = outbox;
        this.counters = counters;
        this.alarmsTopic = alarmsTopic;
    }

    /** Alarms whose escalation failed, logged once each (bounded: cleared when it grows large). */
    private final java.util.Set<String> failing = new java.util.LinkedHashSet<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean add(String alarmId) {
            if (size() >= 10_000) {
                clear();
            }
            return super.add(alarmId);
        }
    };

    public void tick(long now, IntPredicate ownsPartition) {
        if (!policy.enabled()) {
            return;
        }
        for (AlarmEntry entry : book.awaitingAcknowledgement(ownsPartition)) {
            try {
                tick(entry, now);
            } catch (RuntimeException e) {
                // One alarm that cannot be escalated must not stop escalation (and the poll loop) for all others.
                if (failing.add(entry.alarm().alarmId())) {
                    LOG.error("cannot escalate alarm {}; other alarms go on", entry.alarm().alarmId(), e);
                }
            }
        }
    }

    private void tick(AlarmEntry entry, long now) {
        AlarmEvent alarm = entry.alarm();
        List<Notification> told = history.of(alarm.alarmId());
        for (EscalationPolicy.Step step : policy.decide(true, facts(alarm, told), now)) {
            Notice.Source source = new Notice.Source(alarmsTopic, entry.partition(), -1);
            if (step instanceof EscalationPolicy.Escalate e) {
                escalate(alarm, e, source, now);
            } else if (step instanceof EscalationPolicy.Remind r) {
                remind(alarm, r.number(), told, source, now);
            }
        }
    }

    private void escalate(AlarmEvent alarm, EscalationPolicy.Escalate step, Notice.Source source, long now) {
        Router.Routing routing = router.route(alarm, step.tier(), Instant.ofEpochMilli(now));
        if (!routing.hasRecipients()) {
            Notice nobody = notice(Notice.Kind.ESCALATION, alarm, null, LedgerRecipients.nobodyAt(step.tier()),
                    smsText.escalation(alarm, step.unacknowledgedMillis() / 60_000), source, now);
            if (isNew(nobody)) {
                LOG.warn("alarm {} unacknowledged, tier {} has nobody to tell: {}", alarm.alarmId(), step.tier(),
                        routing.problem());
                outbox.enqueueDecided(nobody, Notification.Result.SKIPPED, routing.problem(), now);
            }
            return;
        }
        for (Contact contact : routing.recipients()) {
            Notice notice = notice(Notice.Kind.ESCALATION, alarm, contact, contact.id(),
                    smsText.escalation(alarm, step.unacknowledgedMillis() / 60_000), source, now);
            if (isNew(notice)) {
                LOG.info("alarm {} unacknowledged for {} min: escalating to tier {} ({})", alarm.alarmId(),
                        step.unacknowledgedMillis() / 60_000, step.tier(), contact.id());
                counters.escalated();
                outbox.enqueue(notice);
            }
        }
    }

    private void remind(AlarmEvent alarm, int number, List<Notification> told, Notice.Source source, long now) {
        told.stream()
                .filter(n -> n.result() == Notification.Result.SENT && LedgerRecipients.reminderNumber(n.recipientId()) == 0)
                .map(n -> n.recipientId())
                .distinct()
                .flatMap(id -> router.contactFor(alarm, id).stream())
                .forEach(contact -> {
                    Notice notice = notice(Notice.Kind.REMINDER, alarm, contact, LedgerRecipients.reminder(contact.id(), number),
                            smsText.reminder(alarm, number), source, now);
                    if (isNew(notice)) {
                        counters.reminded();
                        outbox.enqueue(notice);
                    }
                });
    }

    private EscalationPolicy.Facts facts(AlarmEvent alarm, List<Notification> told) {
        long[] first = {-1, -1, -1, -1};
        int lastReminder = 0;
        for (Notification n : told) {
            int reminder = LedgerRecipients.reminderNumber(n.recipientId());
            if (reminder > 0) {
                lastReminder = Math.max(lastReminder, reminder);
                continue;
            }
            OptionalInt tier = tierOf(alarm, n.recipientId());
            if (tier.isPresent() && tier.getAsInt() >= 1 && tier.getAsInt() <= 3) {
                int t = tier.getAsInt();
                first[t] = first[t] < 0 ? n.attemptedAt() : Math.min(first[t], n.attemptedAt());
            }
        }
        return new EscalationPolicy.Facts(first[1], first[2], first[3], lastReminder);
    }

    private OptionalInt tierOf(AlarmEvent alarm, String recipientId) {
        OptionalInt marker = LedgerRecipients.markerTier(recipientId);
        if (marker.isPresent()) {
            return marker;
        }
        return router.contactFor(alarm, recipientId).map(c -> OptionalInt.of(c.tier())).orElse(OptionalInt.empty());
    }

    private Notice notice(Notice.Kind kind, AlarmEvent alarm, Contact contact, String recipientId, String text,
            Notice.Source source, long now) {
        Notice.Item item = new Notice.Item(alarm.alarmId(), alarm.state(), recipientId, smsText.brief(alarm), alarm.eventTime());
        return new Notice(kind, contact, alarm.enterpriseId(), SmsText.enterpriseLabel(alarm), text, List.of(item),
                List.of(source), now);
    }

    private boolean isNew(Notice notice) {
        if (!deduplicator.decide(notice.ledgerKeys().get(0)).send()) {
            return false;
        }
        inFlight.add(notice);
        return true;
    }
}
