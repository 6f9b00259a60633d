package dev.anjian.ingest.mqtt;

import java.time.Duration;

/**
 * Exponential retry delays, doubling from {@code initial} and capped at {@code max}: 100 ms, 200 ms, ... 10 s.
 * Public for the native MQTT endpoint, which retries Kafka sends the same way as the bridge.
 */
public record Backoff(Duration initial, Duration max) {

    public static final Backoff KAFKA = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, was " + initial + " and " + max);
        }
    }

    /** The wait after the {@code failures}-th consecutive failure (1 for the first). */
    public Duration delay(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be >= 1, was " + failures);
        }
        int doublings = Math.min(failures - 1, 62);
        long millis = initial.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
