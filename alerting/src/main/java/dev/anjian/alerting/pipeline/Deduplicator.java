package dev.anjian.alerting.pipeline;

import dev.anjian.alerting.ledger.LedgerIndex;
import dev.anjian.events.Notification;

/**
 * One notification per ledger key (alarm id, alarm state, recipient), decided against the ledger and
 * what is in flight: a key already SENT or SKIPPED is a duplicate (a replayed alarm, a restart); a key
 * held or queued is a duplicate too; a key whose last attempt FAILED is tried again, since a failed
 * attempt notified nobody; an unknown key is new.
 */
public final class Deduplicator {

    public record Decision(boolean send, String reason) {
    }

    private final LedgerIndex index;
    private final InFlight inFlight;

    public Deduplicator(LedgerIndex index, InFlight inFlight) {
        this.index = index;
        this.inFlight = inFlight;
    }

    public Deduplicator(LedgerIndex index) {
        this(index, new InFlight());
    }

    public Decision decide(String ledgerKey) {
        if (inFlight.contains(ledgerKey)) {
            return new Decision(false, "already queued");
        }
        return index.resultOf(ledgerKey)
                .map(result -> switch (result) {
                    case SENT -> new Decision(false, "already sent");
                    case SKIPPED -> new Decision(false, "already recorded as skipped");
                    case FAILED -> new Decision(true, "earlier attempt failed, trying again");
                })
                .orElse(new Decision(true, "new"));
    }

    /** Called once a notification is durable in the ledger. */
    public void remember(Notification notification) {
        index.record(notification.ledgerKey(), notification.result());
    }
}
