package dev.anjian.alerting.ledger;

import dev.anjian.events.Notification;
import java.util.function.Consumer;

/** Where the chain records what it did; {@link #record} returns only once the record is durable. */
@FunctionalInterface
public interface LedgerSink {

    void record(Notification notification);

    /**
     * This sink, then {@code after} with each record once it is durable, e.g. a best-effort copy to InfluxDB.
     * A failed ledger write throws before {@code after} sees the record.
     */
    default LedgerSink andThen(Consumer<Notification> after) {
        return notification -> {
            record(notification);
            after.accept(notification);
        };
    }
}
