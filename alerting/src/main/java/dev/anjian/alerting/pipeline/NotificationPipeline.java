package dev.anjian.alerting.pipeline;

import dev.anjian.alerting.ledger.LedgerSink;
import dev.anjian.alerting.routing.Contact;
import dev.anjian.alerting.sms.SmsMessage;
import dev.anjian.alerting.sms.SmsText;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.Notification;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerting chain for one alarm state change, read top to bottom in {@link #process}:
 * state policy -> route -> de-duplicate (per recipient) -> render -> send -> record in the ledger.
 * Every recipient's outcome (SENT, SKIPPED, FAILED) is durable in the ledger when this returns; an
 * alarm nobody can be told about is recorded as FAILED under the recipient id {@value #NO_RECIPIENT}.
 */
public final class NotificationPipeline {

    /** Recipient id of the FAILED record for an alarm that has no one to notify. */
    public static final String NO_RECIPIENT = "none";
    private static final Logger LOG = LoggerFactory.getLogger(NotificationPipeline.class);

    private final StatePolicy statePolicy;
    private final Router router;
    private final Deduplicator deduplicator;
    private final SmsText smsText;
    private final Sender sender;
    private final String providerName;
    private final LedgerSink ledger;
    private final AlertingCounters counters;
    private final Clock clock;

    public NotificationPipeline(StatePolicy statePolicy, Router router, Deduplicator deduplicator, SmsText smsText,
            Sender sender, String providerName, LedgerSink ledger, AlertingCounters counters, Clock clock) {
        this.statePolicy = statePolicy;
        this.router = router;
        this.deduplicator = deduplicator;
        this.smsText = smsText;
        this.sender = sender;
        this.providerName = providerName;
        this.ledger = ledger;
        this.counters = counters;
        this.clock = clock;
    }

    /** Runs one alarm through the chain; returns what was recorded (empty for duplicates and ignored states). */
    public List<Notification> process(AlarmEvent alarm) {
        counters.alarmSeen();
        StatePolicy.Decision decision = statePolicy.decide(alarm);
        if (decision.action() == StatePolicy.Action.NONE) {
            counters.ignored();
            LOG.debug("alarm {} {}: {}", alarm.alarmId(), alarm.state(), decision.reason());
            return List.of();
        }
        String text = smsText.render(alarm);
        Router.Routing routing = router.route(alarm);
        if (!routing.hasRecipients()) {
            LOG.warn("alarm {} {} of enterprise {}: {}", alarm.alarmId(), alarm.state(), alarm.enterpriseId(),
                    routing.problem());
            return recordIfNew(alarm, NO_RECIPIENT, () -> failed(alarm, text, routing.problem()));
        }
        List<Notification> recorded = new ArrayList<>();
        for (Contact contact : routing.recipients()) {
            recorded.addAll(recordIfNew(alarm, contact.id(), () -> decision.action() == StatePolicy.Action.SEND
                    ? send(alarm, contact, text)
                    : skipped(alarm, contact, text, decision.reason())));
        }
        return recorded;
    }

    private List<Notification> recordIfNew(AlarmEvent alarm, String recipientId,
            Supplier<Notification> outcome) {
        String key = Notification.ledgerKey(alarm.alarmId(), alarm.state(), recipientId);
        Deduplicator.Decision dedup = deduplicator.decide(key);
        if (!dedup.send()) {
            counters.duplicate();
            LOG.info("not notifying {} again: {}", key, dedup.reason());
            return List.of();
        }
        Notification notification = outcome.get();
        ledger.record(notification);
        deduplicator.remember(notification);
        counters.recorded(notification.result());
        log(notification);
        return List.of(notification);
    }

    private Notification send(AlarmEvent alarm, Contact contact, String text) {
        long attemptedAt = clock.millis();
        Delivery delivery = sender.deliver(new SmsMessage(contact.id(), contact.phone(), text));
        return new Notification(alarm.alarmId(), alarm.state(), contact.id(), contact.maskedPhone(),
                alarm.enterpriseId(), providerName, delivery.result(), text, attemptedAt, delivery.attempts(),
                delivery.providerMessageId(), delivery.error());
    }

    /** SKIPPED carries its reason in {@code error}, so the ledger says why nothing was sent. */
    private Notification skipped(AlarmEvent alarm, Contact contact, String text, String reason) {
        return new Notification(alarm.alarmId(), alarm.state(), contact.id(), contact.maskedPhone(),
                alarm.enterpriseId(), providerName, Notification.Result.SKIPPED, text, clock.millis(), 0, null, reason);
    }

    private Notification failed(AlarmEvent alarm, String text, String problem) {
        return new Notification(alarm.alarmId(), alarm.state(), NO_RECIPIENT, "", alarm.enterpriseId(), providerName,
                Notification.Result.FAILED, text, clock.millis(), 0, null, problem);
    }

    private static void log(Notification n) {
        String to = n.recipientMasked() == null || n.recipientMasked().isEmpty() ? "nobody" : n.recipientMasked();
        if (n.result() == Notification.Result.FAILED) {
            LOG.warn("notification {} to {} FAILED after {} attempt(s): {}", n.ledgerKey(), to, n.attempts(), n.error());
        } else {
            LOG.info("notification {} to {}: {}{}", n.ledgerKey(), to, n.result(),
                    n.providerMessageId() == null ? "" : " (" + n.providerMessageId() + ")");
        }
    }
}
