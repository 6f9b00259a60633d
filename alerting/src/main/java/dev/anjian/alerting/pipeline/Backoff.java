package dev.anjian.alerting.pipeline;

import java.time.Duration;

/**
 * Exponential backoff while the provider fails: initial, x2, x4 ... capped at {@code max}; reset by the
 * first success. Example (500 ms, cap 60 s): 0.5, 1, 2, 4, 8, 16, 32, 60, 60 s.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private int failures;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** The wait after one more failure. */
    public Duration next() {
        Duration wait = initial;
        for (int i = 0; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        failures++;
        return wait.compareTo(max) <= 0 ? wait : max;
    }

    public void reset() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }
}
