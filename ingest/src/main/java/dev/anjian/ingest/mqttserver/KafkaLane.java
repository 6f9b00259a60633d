package dev.anjian.ingest.mqttserver;

import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceEvent;
import dev.anjian.ingest.DaemonThreads;
import dev.anjian.ingest.kafka.EventPublisher;
import dev.anjian.ingest.mqtt.Backoff;
import dev.anjian.ingest.mqtt.RetryingSender;
import dev.anjian.ingest.mqtt.RetryingSender.Abandoned;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Hands the endpoint's Kafka sends to the shared {@link EventPublisher} on one thread of its own, because
 * {@code KafkaProducer.send} can block (up to max.block.ms while metadata is missing) and an event loop must
 * never block; one thread also keeps each device's events in arrival order. A failed send is retried by a
 * {@link RetryingSender} with {@link Backoff#KAFKA} (100 ms doubling to 10 s), as the bridge does, for as long
 * as {@code wanted} says: for a message, while its connection is open (the endpoint keeps no session, so once the
 * connection is gone its unacknowledged messages are the device's to send again); for a CONNECTIVITY event, until
 * the endpoint stops ({@link ConnectivityEvents}), as a DISCONNECTED is sent when its connection is already gone.
 * The returned future completes when Kafka acknowledged, or exceptionally with {@link Abandoned}.
 */
final class KafkaLane implements AutoCloseable {

    private static final long STOP_TIMEOUT_SECONDS = 5;

    private final EventPublisher publisher;
    private final MqttEndpointCounters counters;
    // A plain queue for the sends: a scheduled executor's delay heap cost more than the sends at full load.
    private final ExecutorService lane = Executors.newSingleThreadExecutor(DaemonThreads.named("mqtt-endpoint-kafka"));
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("mqtt-endpoint-kafka-retries"));
    private final RetryingSender sender;

    KafkaLane(EventPublisher publisher, Backoff backoff, MqttEndpointCounters counters) {
        this.publisher = publisher;
        this.counters = counters;
        this.sender = new RetryingSender(timer, lane, backoff, "PUBACKs withheld while the device stays connected");
    }

    /** Completes once Kafka has every event (each is retried on its own). */
    CompletableFuture<Void> publish(List<DeviceEvent> events, BooleanSupplier wanted) {
        @SuppressWarnings("unchecked")
        CompletableFuture<Void>[] acknowledged = new CompletableFuture[events.size()];
        for (int i = 0; i < acknowledged.length; i++) {
            acknowledged[i] = new CompletableFuture<>();
        }
        BooleanSupplier retry = counted(wanted);
        run(() -> {
            for (int i = 0; i < acknowledged.length; i++) {
                DeviceEvent event = events.get(i);
                relay(sender.untilAcknowledged(() -> publisher.publish(event), () -> describe(event), retry),
                        acknowledged[i]);
            }
        }, acknowledged);
        return acknowledged.length == 1 ? acknowledged[0] : CompletableFuture.allOf(acknowledged);
    }

    CompletableFuture<Void> deadLetter(DeadLetter letter, BooleanSupplier wanted) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        run(() -> relay(sender.untilAcknowledged(() -> publisher.deadLetter(letter),
                () -> "dead letter of " + letter.origin(), counted(wanted)), acknowledged), acknowledged);
        return acknowledged;
    }

    /** Names an event in the retry log, e.g. {@code CH4 reading of GAS-0001} or {@code CONNECTIVITY event of GAS-0001}. */
    private static String describe(DeviceEvent event) {
        return event.reading() != null ? event.reading().metric() + " reading of " + event.deviceId()
                : event.type() + " event of " + event.deviceId();
    }

    /** Asked once before each retry: counts the retries that happen. */
    private BooleanSupplier counted(BooleanSupplier wanted) {
        return () -> {
            if (!wanted.getAsBoolean()) {
                return false;
            }
            counters.kafkaRetry();
            return true;
        };
    }

    private static void relay(CompletableFuture<Void> from, CompletableFuture<Void> to) {
        from.whenComplete((ok, error) -> {
            if (error == null) {
                to.complete(null);
            } else {
                to.completeExceptionally(error);
            }
        });
    }

    private void run(Runnable task, CompletableFuture<?>... onRejection) {
        try {
            lane.execute(task);
        } catch (RejectedExecutionException e) {
            for (CompletableFuture<?> future : onRejection) {
                future.completeExceptionally(new Abandoned("the endpoint is stopping"));
            }
        }
    }


    /** Lets queued sends reach the producer (at most 5 s), then stops; pending retries are dropped. */
    @Override
    public void close() {
        timer.shutdownNow();
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
