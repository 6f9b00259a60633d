package dev.anjian.bench.load;

/**
 * Pacing of the load generator: tokens accrue at {@code ratePerSecond} up to {@code burst}; each tick the
 * generator takes what has accrued and sends that many messages. Time is an input (nanoseconds of any
 * monotonic clock), so the bucket is a pure function of the times it is asked at. Example: 15,000/s, asked
 * every 5 ms, gives 75 tokens a tick; after a 200 ms stall with burst 1,500 it gives 1,500 (the rest of the
 * stall is lost, and shows as offered below target). Not thread-safe: one pacer thread owns it.
 */
public final class TokenBucket {

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long lastNanos;

    public TokenBucket(double ratePerSecond, double burst, long startNanos) {
        if (!(ratePerSecond > 0) || !(burst >= 1)) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1, were " + ratePerSecond + ", " + burst);
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.lastNanos = startNanos;
    }

    /** Takes up to {@code max} whole tokens accrued by {@code nowNanos}. */
    public long take(long nowNanos, long max) {
        if (nowNanos > lastNanos) {
            tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * ratePerNano);
            lastNanos = nowNanos;
        }
        long n = Math.min((long) tokens, Math.max(0, max));
        tokens -= n;
        return n;
    }

    /** Gives back tokens taken but not used (a connection was full), within the burst. */
    public void refund(long n) {
        tokens = Math.min(burst, tokens + Math.max(0, n));
    }
}
