package dev.anjian.alerting.sms;

/**
 * Keeps submissions under the rate the SMS centre allows (its contract, e.g. 20/s): each
 * {@link #acquire()} waits until 1/rate seconds have passed since the previous one. Used from one thread
 * at a time (the provider's lock), so it is not synchronised itself.
 */
final class Throttle {

    private final long intervalNanos;
    private long next;

    Throttle(int perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : 1_000_000_000L / perSecond;
    }

    void acquire() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        if (next > now) {
            long wait = next - now;
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            now = next;
        }
        next = now + intervalNanos;
    }
}
