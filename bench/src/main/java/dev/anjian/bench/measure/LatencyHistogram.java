package dev.anjian.bench.measure;

import java.util.Arrays;

/**
 * Millisecond latencies too many to keep one by one (a PUBACK per message, 15,000 a second): counts per
 * millisecond up to one minute, longer ones in the last bucket. Percentiles by nearest rank, as
 * {@link Percentiles}. Thread-safe (the generator's event-loop threads record, the harness reads).
 */
public final class LatencyHistogram {

    private static final int BUCKETS = 60_001;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max;

    public synchronized void record(long millis) {
        int bucket = (int) Math.max(0, Math.min(BUCKETS - 1, millis));
        counts[bucket]++;
        total++;
        max = Math.max(max, millis);
    }

    /** Forgets everything recorded so far (the warm-up's start-up latencies). */
    public synchronized void clear() {
        Arrays.fill(counts, 0);
        total = 0;
        max = 0;
    }

    public synchronized Percentiles percentiles() {
        if (total == 0) {
            return Percentiles.NONE;
        }
        return new Percentiles((int) Math.min(Integer.MAX_VALUE, total), at(50), at(95), at(99), max);
    }

    private long at(double p) {
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
        long seen = 0;
        for (int ms = 0; ms < BUCKETS; ms++) {
            seen += counts[ms];
            if (seen >= rank) {
                return ms;
            }
        }
        return max;
    }
}
