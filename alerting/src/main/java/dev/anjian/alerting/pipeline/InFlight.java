package dev.anjian.alerting.pipeline;

import java.util.HashSet;
import java.util.Set;

/**
 * Ledger keys decided but not yet in the ledger: held by storm grouping or waiting in the outbox. The
 * de-duplicator asks it too, so an alarm replayed while its SMS waits for a provider is not queued twice.
 * Poll thread only.
 */
public final class InFlight {

    private final Set<String> keys = new HashSet<>();

    public boolean contains(String ledgerKey) {
        return keys.contains(ledgerKey);
    }

    void add(Notice notice) {
        keys.addAll(notice.ledgerKeys());
    }

    void remove(Notice notice) {
        notice.ledgerKeys().forEach(keys::remove);
    }

    public int size() {
        return keys.size();
    }
}
