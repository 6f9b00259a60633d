package dev.anjian.alerting.ledger;

import dev.anjian.events.Notification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory view of the notifications ledger that de-duplication asks: ledger key -> last result.
 * Bounded: at most {@code maxEntries} keys, the oldest recorded evicted first (about 140 bytes per
 * entry, so the default 200,000 is ~30 MB, roughly the last 30,000 alarms at 2 recipients x 3 states).
 * A replay of an alarm whose keys were evicted is outside the no-double-send guarantee: it would be
 * sent again. Used by the poll thread only, so it is not synchronised.
 */
public final class LedgerIndex {

    public static final int DEFAULT_MAX_ENTRIES = 200_000;

    private final int maxEntries;
    private final Map<String, Notification.Result> results;
    private long evicted;

    public LedgerIndex(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("the ledger index needs room for at least one entry, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.results = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Notification.Result> eldest) {
                boolean full = size() > LedgerIndex.this.maxEntries;
                if (full) {
                    evicted++;
                }
                return full;
            }
        };
    }

    public Optional<Notification.Result> resultOf(String ledgerKey) {
        return Optional.ofNullable(results.get(ledgerKey));
    }

    /** Records the latest result of a key; it becomes the newest entry. */
    public void record(String ledgerKey, Notification.Result result) {
        results.remove(ledgerKey);
        results.put(ledgerKey, result);
    }

    /** A tombstone in the compacted ledger. */
    public void forget(String ledgerKey) {
        results.remove(ledgerKey);
    }

    public int size() {
        return results.size();
    }

    public int maxEntries() {
        return maxEntries;
    }

    public long evicted() {
        return evicted;
    }
}
