package dev.anjian.ingest.kafka;

import java.util.concurrent.atomic.AtomicLong;

/** What the {@link EventPublisher} has done so far; safe to read from any thread (logs, metrics). */
public final class PublishCounters {

    /** A consistent-enough copy for one log line or metrics scrape. */
    public record Snapshot(long published, long deadLettered, long failed) {
    }

    private final AtomicLong published = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /** Device events Kafka acknowledged. */
    public long published() {
        return published.get();
    }

    /** Dead letters Kafka acknowledged. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** Sends that failed (each retry that fails counts again). */
    public long failed() {
        return failed.get();
    }

    public Snapshot snapshot() {
        return new Snapshot(published(), deadLettered(), failed());
    }

    void countPublished() {
        published.incrementAndGet();
    }

    void countDeadLettered() {
        deadLettered.incrementAndGet();
    }

    void countFailed() {
        failed.incrementAndGet();
    }
}
