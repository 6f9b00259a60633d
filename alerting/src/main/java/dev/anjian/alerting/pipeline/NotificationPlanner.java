package dev.anjian.alerting.pipeline;

import dev.anjian.alerting.ledger.NotificationHistory;
import dev.anjian.alerting.routing.Contact;
import dev.anjian.alerting.sms.SmsText;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmState;
import dev.anjian.events.Notification;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain for one alarm state change from the alarms topic, read top to bottom in {@link #plan}:
 * state policy -> route -> de-duplicate (per recipient) -> render -> storm grouping -> outbox. RAISED and
 * ESCALATED go to the tier-1 contacts who want the alarm now plus every contact already told about it (an
 * escalated alarm keeps its wider audience); CLEARED goes to those who were told (tier 1 when nobody was).
 * An alarm nobody can be told about is recorded FAILED under {@value LedgerRecipients#NONE}.
 */
public final class NotificationPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationPlanner.class);

    private final StatePolicy statePolicy;
    private final Router router;
    private final Deduplicator deduplicator;
    private final InFlight inFlight;
    private final SmsText smsText;
    private final StormGrouper grouper;
    private final Outbox outbox;
    private final NotificationHistory history;
    private final OffsetTracker offsets;
    private final AlertingCounters counters;
    private final Clock clock;

    public NotificationPlanner(StatePolicy statePolicy, Router router, Deduplicator deduplicator, InFlight inFlight,
            SmsText smsText, StormGrouper grouper, Outbox outbox, NotificationHistory history, OffsetTracker offsets,
            AlertingCounters counters, Clock clock) {
        this.statePolicy = statePolicy;
        this.router = router;
        this.deduplicator = deduplicator;
        this.inFlight = inFlight;
        this.smsText = smsText;
        this.grouper = grouper;
        this.outbox = outbox;
        this.history = history;
        this.offsets = offsets;
        this.counters = counters;
        this.clock = clock;
    }

    public void plan(AlarmEvent alarm, Notice.Source source) {
        counters.alarmSeen();
        StatePolicy.Decision decision = statePolicy.decide(alarm);
        if (decision.action() == StatePolicy.Action.NONE) {
            counters.ignored();
            LOG.debug("alarm {} {}: {}", alarm.alarmId(), alarm.state(), decision.reason());
            return;
        }
        long now = clock.millis();
        String text = smsText.render(alarm);
        Router.Routing routing = recipients(alarm, Instant.ofEpochMilli(now));
        if (!routing.hasRecipients()) {
            LOG.warn("alarm {} {} of enterprise {}: {}", alarm.alarmId(), alarm.state(), alarm.enterpriseId(),
                    routing.problem());
            Notice nobody = notice(alarm, null, LedgerRecipients.NONE, text, source, now);
            if (isNew(nobody)) {
                outbox.enqueueDecided(nobody, Notification.Result.FAILED, routing.problem(), now);
            }
            return;
        }
        for (Contact contact : routing.recipients()) {
            Notice notice = notice(alarm, contact, contact.id(), text, source, now);
            if (!isNew(notice)) {
                continue;
            }
            if (decision.action() == StatePolicy.Action.RECORD_SKIPPED) {
                outbox.enqueueDecided(notice, Notification.Result.SKIPPED, decision.reason(), now);
            } else if (grouper.offer(notice, now) == StormGrouper.Decision.SEND_NOW) {
                outbox.enqueue(notice);
            } else {
                LOG.info("alarm {} {} to {} held for a storm summary", alarm.alarmId(), alarm.state(), contact.id());
            }
        }
    }

    private Router.Routing recipients(AlarmEvent alarm, Instant now) {
        List<Contact> told = toldAbout(alarm);
        if (alarm.state() == AlarmState.CLEARED && !told.isEmpty()) {
            return new Router.Routing(told, null);
        }
        Router.Routing tierOne = router.route(alarm, now);
        if (told.isEmpty()) {
            return tierOne;
        }
        Map<String, Contact> all = new LinkedHashMap<>();
        tierOne.recipients().forEach(c -> all.put(c.id(), c));
        told.forEach(c -> all.putIfAbsent(c.id(), c));
        return new Router.Routing(new ArrayList<>(all.values()), null);
    }

    /** Contacts with a SENT notification about this alarm, any state, reminders included. */
    private List<Contact> toldAbout(AlarmEvent alarm) {
        return history.of(alarm.alarmId()).stream()
                .filter(n -> n.result() == Notification.Result.SENT)
                .map(n -> LedgerRecipients.contactOf(n.recipientId()))
                .distinct()
                .flatMap(id -> router.contactFor(alarm, id).stream())
                .toList();
    }

    private Notice notice(AlarmEvent alarm, Contact contact, String recipientId, String text, Notice.Source source,
            long now) {
        Notice.Item item = new Notice.Item(alarm.alarmId(), alarm.state(), recipientId, smsText.brief(alarm),
                alarm.eventTime());
        return new Notice(Notice.Kind.STATE_CHANGE, contact, alarm.enterpriseId(), SmsText.enterpriseLabel(alarm), text,
                List.of(item), List.of(source), now);
    }

    /** De-duplicates; a new notice is put in flight and holds its alarm record's offset. */
    private boolean isNew(Notice notice) {
        String key = notice.ledgerKeys().get(0);
        Deduplicator.Decision dedup = deduplicator.decide(key);
        if (!dedup.send()) {
            counters.duplicate();
            LOG.info("not notifying {} again: {}", key, dedup.reason());
            return false;
        }
        inFlight.add(notice);
        notice.sources().forEach(offsets::hold);
        return true;
    }
}
