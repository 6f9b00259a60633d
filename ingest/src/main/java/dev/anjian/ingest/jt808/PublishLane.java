package dev.anjian.ingest.jt808;

import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceEvent;
import dev.anjian.ingest.DaemonThreads;
import dev.anjian.ingest.kafka.EventPublisher;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Hands sends to the {@link EventPublisher} on one thread of its own, because {@code KafkaProducer.send} can
 * block (up to max.block.ms while metadata is missing) and an event loop must never block. One thread keeps
 * the order of one device's events. The queue is bounded by the connections' in-flight limits.
 */
final class PublishLane implements AutoCloseable {

    private final EventPublisher publisher;
    private final ExecutorService lane = Executors.newSingleThreadExecutor(DaemonThreads.named("jt808-kafka-lane"));

    PublishLane(EventPublisher publisher) {
        this.publisher = publisher;
    }

    CompletableFuture<Void> publish(DeviceEvent event) {
        return submit(() -> publisher.publish(event));
    }

    CompletableFuture<Void> deadLetter(DeadLetter letter) {
        return submit(() -> publisher.deadLetter(letter));
    }

    private CompletableFuture<Void> submit(java.util.function.Supplier<CompletableFuture<Void>> send) {
        try {
            return CompletableFuture.supplyAsync(send, lane).thenCompose(f -> f);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Lets queued sends reach the producer (at most 5 s), then stops the thread. */
    @Override
    public void close() {
        lane.shutdown();
        try {
            lane.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
