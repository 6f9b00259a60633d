package dev.anjian.bench.measure;

import java.util.Arrays;
import java.util.Collection;

/**
 * Latency percentiles by the nearest-rank method: the p-th percentile of n sorted samples is the sample at
 * rank ceil(p/100 * n), so it is always a measured value and p99 of fewer than 100 samples is the maximum.
 * Example: of 1..10 ms, p50 = 5, p95 = 10, p99 = 10.
 */
public record Percentiles(int count, long p50, long p95, long p99, long max) {

    public static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0);

    public static Percentiles of(Collection<Long> samples) {
        return of(samples.stream().mapToLong(Long::longValue).toArray());
    }

    public static Percentiles of(long[] samples) {
        if (samples.length == 0) {
            return NONE;
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    static long rank(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
