package dev.anjian.alerting.pipeline;

import dev.anjian.alerting.ledger.LedgerException;
import dev.anjian.alerting.ledger.LedgerSink;
import dev.anjian.alerting.ledger.NotificationHistory;
import dev.anjian.alerting.sms.SendOutcome;
import dev.anjian.alerting.sms.SmsMessage;
import dev.anjian.events.Notification;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS waiting to be sent, and the outcomes waiting to be recorded. Each {@link #tick} first records
 * decided outcomes in the ledger (and only then releases their alarm offsets), then sends what is due:
 * OK is SENT; FATAL is FAILED at once, with the reason; RETRYABLE keeps the SMS (moved to the back of the
 * queue) and closes the gate for an exponential {@link Backoff}, so an outage costs one attempt per
 * backoff, not one per SMS; after {@code maxAttempts} (0: never) it is FAILED. Nothing leaves the outbox
 * except through the ledger. The backlog is bounded by the consumer pausing when {@link #size()} reaches
 * its limit. Poll thread only.
 */
public final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private static final class Entry {
        final Notice notice;
        int attempts;
        long firstAttemptAt = -1;
        List<Notification> unrecorded;

        Entry(Notice notice) {
            this.notice = notice;
        }
    }

    private final Sender sender;
    private final LedgerSink ledger;
    private final Deduplicator deduplicator;
    private final NotificationHistory history;
    private final InFlight inFlight;
    private final Consumer<List<Notice.Source>> release;
    private final AlertingCounters counters;
    private final Backoff backoff;
    private final int maxAttempts;
    private final int maxSendsPerTick;
    private final Deque<Entry> queue = new ArrayDeque<>();
    private final List<Entry> decided = new ArrayList<>();
    private long gateUntil;
    private boolean ledgerDown;

    public Outbox(Sender sender, LedgerSink ledger, Deduplicator deduplicator, NotificationHistory history, InFlight inFlight,
            Consumer<List<Notice.Source>> release, AlertingCounters counters, Backoff backoff, int maxAttempts,
            int maxSendsPerTick) {
        this.sender = sender;
        this.ledger = ledger;
        this.deduplicator = deduplicator;
        this.history = history;
        this.inFlight = inFlight;
        this.release = release;
        this.counters = counters;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.maxSendsPerTick = maxSendsPerTick;
    }

    /** Queues an SMS; the caller has put its keys in flight and held its sources. */
    public void enqueue(Notice notice) {
        queue.addLast(new Entry(notice));
    }

    /** Records an outcome decided without sending (SKIPPED, or FAILED because nobody can be told). */
    public void enqueueDecided(Notice notice, Notification.Result result, String reason, long now) {
        Entry e = new Entry(notice);
        e.unrecorded = notifications(notice, result, now, 0, null, reason);
        decided.add(e);
    }

    public void tick(long now) {
        if (!recordDecided()) {
            return;
        }
        if (now < gateUntil) {
            return;
        }
        for (int sends = 0; sends < maxSendsPerTick && !queue.isEmpty(); sends++) {
            Entry e = queue.peekFirst();
            if (!attempt(e, now)) {
                break;
            }
        }
        recordDecided();
    }

    /** Sends the head entry once; false when the provider is unavailable (gate closed). */
    private boolean attempt(Entry e, long now) {
        Notice n = e.notice;
        if (e.firstAttemptAt < 0) {
            e.firstAttemptAt = now;
        }
        e.attempts++;
        SendOutcome outcome = sender.attempt(new SmsMessage(n.contact().id(), n.contact().phone(), n.text(),
                n.items().get(0).ledgerKey()));
        switch (outcome.kind()) {
            case OK -> {
                backoff.reset();
                decide(e, Notification.Result.SENT, outcome.providerMessageId(), null);
            }
            case FATAL -> decide(e, Notification.Result.FAILED, null, "fatal: " + outcome.reason());
            default -> {
                counters.retried();
                if (maxAttempts > 0 && e.attempts >= maxAttempts) {
                    decide(e, Notification.Result.FAILED, null, "gave up after " + e.attempts + " attempts: " + outcome.reason());
                    return true;
                }
                queue.pollFirst();
                queue.addLast(e);
                Duration wait = backoff.next();
                gateUntil = now + wait.toMillis();
                LOG.warn("SMS {} to {} not sent (attempt {}), provider {} retried in {} ms: {}", n.ledgerKeys(),
                        n.contact().maskedPhone(), e.attempts, sender.providerName(), wait.toMillis(), outcome.reason());
                return false;
            }
        }
        return true;
    }

    private void decide(Entry e, Notification.Result result, String messageId, String error) {
        queue.remove(e);
        e.unrecorded = notifications(e.notice, result, e.firstAttemptAt, e.attempts, messageId, error);
        decided.add(e);
    }

    private List<Notification> notifications(Notice n, Notification.Result result, long attemptedAt, int attempts,
            String messageId, String error) {
        String masked = n.contact() == null ? "" : n.contact().maskedPhone();
        List<Notification> records = new ArrayList<>();
        for (Notice.Item item : n.items()) {
            records.add(new Notification(item.alarmId(), item.state(), item.ledgerRecipientId(), masked, n.enterpriseId(),
                    sender.providerName(), result, n.text(), attemptedAt, attempts, messageId, error));
        }
        return records;
    }

    /** Records every decided outcome; false (and the rest kept for the next tick) when the ledger is down. */
    private boolean recordDecided() {
        for (Iterator<Entry> it = decided.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            try {
                while (!e.unrecorded.isEmpty()) {
                    Notification record = e.unrecorded.get(0);
                    ledger.record(record);
                    e.unrecorded.remove(0);
                    remember(record);
                }
            } catch (LedgerException ex) {
                if (!ledgerDown) {
                    LOG.error("notifications ledger unavailable, outcomes kept and retried; alarm offsets wait: {}",
                            ex.getMessage());
                }
                ledgerDown = true;
                return false;
            }
            it.remove();
            inFlight.remove(e.notice);
            release.accept(e.notice.sources());
            if (e.notice.kind() == Notice.Kind.SUMMARY) {
                counters.summary(e.notice.items().size());
            }
        }
        if (ledgerDown) {
            LOG.info("notifications ledger available again");
            ledgerDown = false;
        }
        return true;
    }

    private void remember(Notification n) {
        deduplicator.remember(n);
        history.record(n);
        counters.recorded(n.result());
        String to = n.recipientMasked().isEmpty() ? "nobody" : n.recipientMasked();
        if (n.result() == Notification.Result.FAILED) {
            LOG.warn("notification {} to {} FAILED after {} attempt(s): {}", n.ledgerKey(), to, n.attempts(), n.error());
        } else {
            LOG.info("notification {} to {}: {}{}", n.ledgerKey(), to, n.result(),
                    n.providerMessageId() == null ? "" : " (" + n.providerMessageId() + ")");
        }
    }

    /** Drops unsent SMS whose alarms moved to another instance; returns how many. */
    public int drop(Predicate<Notice> moved) {
        List<Entry> gone = queue.stream().filter(e -> moved.test(e.notice)).toList();
        gone.forEach(e -> {
            queue.remove(e);
            inFlight.remove(e.notice);
        });
        return gone.size();
    }

    /** Takes the keys of notices dropped elsewhere (storm grouping) out of flight. */
    public void forget(List<Notice> notices) {
        notices.forEach(inFlight::remove);
    }

    /** SMS waiting to be sent plus outcomes waiting for the ledger. */
    public int size() {
        return queue.size() + decided.size();
    }

    public long oldestAgeMillis(long now) {
        return queue.stream().mapToLong(e -> now - e.notice.createdAt()).max().orElse(0);
    }
}
