package dev.anjian.ingest.mqttserver;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A WARN line at most once per interval for one kind of event (refused logins, garbage from the network), the
 * rest at DEBUG and counted in the next WARN line, so that a password-guessing or garbage flood cannot flood
 * the log. Never logs a stack trace. Thread-safe.
 */
final class RateLimitedLog {

    private final Logger log;
    private final long intervalMillis;
    private final AtomicLong nextWarnAt = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    RateLimitedLog(Logger log, long intervalMillis) {
        this.log = log;
        this.intervalMillis = intervalMillis;
    }

    void warn(String message) {
        long now = System.currentTimeMillis();
        long next = nextWarnAt.get();
        if (now >= next && nextWarnAt.compareAndSet(next, now + intervalMillis)) {
            long skipped = suppressed.getAndSet(0);
            log.warn(skipped == 0 ? message : message + " (and " + skipped + " more like it since the last such line)");
        } else {
            suppressed.incrementAndGet();
            log.debug(message);
        }
    }
}
