package dev.anjian.alerting.ledger;

import dev.anjian.events.Notification;

/** Where the chain records what it did; {@link #record} returns only once the record is durable. */
@FunctionalInterface
public interface LedgerSink {

    void record(Notification notification);
}
