package dev.anjian.ingest.mqttserver;

import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceEvent;
import dev.anjian.ingest.kafka.EventPublisher;
import dev.anjian.ingest.mqtt.Backoff;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the endpoint's Kafka sends to the shared {@link EventPublisher} on one thread of its own, because
 * {@code KafkaProducer.send} can block (up to max.block.ms while metadata is missing) and an event loop must
 * never block; one thread also keeps each device's events in arrival order. A failed send is retried with
 * {@link Backoff#KAFKA} (100 ms doubling to 10 s), as the bridge does, for as long as {@code wanted} says its
 * connection is open: the endpoint keeps no session, so once the connection is gone its unacknowledged
 * messages are the device's to send again, and retrying them here would only buy duplicates and memory.
 * The returned future completes when Kafka acknowledged, or exceptionally with {@link Abandoned}.
 */
final class KafkaLane implements AutoCloseable {

    /** The connection closed before Kafka acknowledged; nothing was acknowledged to the device either. */
    static final class Abandoned extends CancellationException {
        private static final long serialVersionUID = 1L;

        Abandoned(String what) {
            super(what + " not retried: its connection is closed");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(KafkaLane.class);
    private static final long STOP_TIMEOUT_SECONDS = 5;

    private final EventPublisher publisher;
    private final Backoff backoff;
    private final MqttEndpointCounters counters;
    private final AtomicLong failuresInARow = new AtomicLong();
    private final ScheduledThreadPoolExecutor lane = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "mqtt-endpoint-kafka");
        thread.setDaemon(true);
        return thread;
    });

    KafkaLane(EventPublisher publisher, Backoff backoff, MqttEndpointCounters counters) {
        this.publisher = publisher;
        this.backoff = backoff;
        this.counters = counters;
        lane.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // at close, waiting retries are dropped
    }

    /** Completes once Kafka has every event (each is retried on its own). */
    CompletableFuture<Void> publish(List<DeviceEvent> events, BooleanSupplier wanted) {
        @SuppressWarnings("unchecked")
        CompletableFuture<Void>[] acknowledged = new CompletableFuture[events.size()];
        for (int i = 0; i < acknowledged.length; i++) {
            acknowledged[i] = new CompletableFuture<>();
        }
        run(() -> {
            for (int i = 0; i < acknowledged.length; i++) {
                DeviceEvent event = events.get(i);
                attempt(() -> publisher.publish(event), wanted, 0, acknowledged[i]);
            }
        }, acknowledged);
        return acknowledged.length == 1 ? acknowledged[0] : CompletableFuture.allOf(acknowledged);
    }

    CompletableFuture<Void> deadLetter(DeadLetter letter, BooleanSupplier wanted) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        run(() -> attempt(() -> publisher.deadLetter(letter), wanted, 0, acknowledged), acknowledged);
        return acknowledged;
    }

    private void attempt(Supplier<CompletableFuture<Void>> send, BooleanSupplier wanted, int failures,
            CompletableFuture<Void> acknowledged) {
        CompletableFuture<Void> sent;
        try {
            sent = send.get();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e); // retried like any other failure
        }
        sent.whenComplete((ok, error) -> {
            if (error == null) {
                succeeded();
                acknowledged.complete(null);
            } else {
                failed(error);
                retryLater(send, wanted, failures + 1, acknowledged);
            }
        });
    }

    private void retryLater(Supplier<CompletableFuture<Void>> send, BooleanSupplier wanted, int failures,
            CompletableFuture<Void> acknowledged) {
        try {
            lane.schedule(() -> {
                if (wanted.getAsBoolean()) {
                    counters.kafkaRetry();
                    attempt(send, wanted, failures, acknowledged);
                } else {
                    acknowledged.completeExceptionally(new Abandoned("a Kafka send"));
                }
            }, backoff.delay(failures).toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            acknowledged.completeExceptionally(new Abandoned("a Kafka send (endpoint stopping)"));
        }
    }

    private void succeeded() {
        long failures = failuresInARow.getAndSet(0);
        if (failures > 0) {
            LOG.info("MQTT endpoint: Kafka sends succeed again after {} failed attempts", failures);
        }
    }

    private void failed(Throwable error) {
        if (failuresInARow.getAndIncrement() == 0) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            LOG.warn("MQTT endpoint: Kafka send failed: {}: {}; retrying with backoff up to {} while the device stays"
                    + " connected, PUBACKs withheld", cause.getClass().getSimpleName(), cause.getMessage(), backoff.max());
        }
    }

    private void run(Runnable task, CompletableFuture<?>... onRejection) {
        try {
            lane.execute(task);
        } catch (RejectedExecutionException e) {
            for (CompletableFuture<?> future : onRejection) {
                future.completeExceptionally(new Abandoned("a Kafka send (endpoint stopping)"));
            }
        }
    }

    /** Lets queued sends reach the producer (at most 5 s), then stops; pending retries are dropped. */
    @Override
    public void close() {
        lane.shutdown();
        try {
            if (!lane.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                lane.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
