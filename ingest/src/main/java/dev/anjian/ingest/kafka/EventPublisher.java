package dev.anjian.ingest.kafka;

import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.EventJson;
import dev.anjian.events.Topics;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Kafka producer of ingest: device events to device-events keyed by device id (so one device's
 * events stay in order on one partition), rejected input to dead-letter keyed by source. Each send returns
 * a future that completes when Kafka acknowledged the record (acks=all), or exceptionally; it never throws,
 * and blocks the caller at most {@code max.block.ms} (5 s, while Kafka's metadata is unavailable).
 * Thread-safe; gateways share one instance.
 */
public final class EventPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Producer<String, byte[]> producer;
    private final Topics topics;
    private final PublishCounters counters = new PublishCounters();

    public EventPublisher(String bootstrapServers, String clientId, Topics topics) {
        this(new KafkaProducer<>(KafkaClients.producer(bootstrapServers, clientId)), topics);
        LOG.info("Kafka producer '{}' for {} -> topics {} and {}",
                clientId, bootstrapServers, topics.deviceEvents(), topics.deadLetter());
    }

    /** Around a producer built elsewhere (String keys, byte[] values); it is closed with this publisher. */
    public EventPublisher(Producer<String, byte[]> producer, Topics topics) {
        this.producer = producer;
        this.topics = topics;
    }

    public CompletableFuture<Void> publish(DeviceEvent event) {
        return send(topics.deviceEvents(), event.deviceId(), event, counters::countPublished);
    }

    public CompletableFuture<Void> deadLetter(DeadLetter letter) {
        return send(topics.deadLetter(), letter.source(), letter, counters::countDeadLettered);
    }

    public PublishCounters counters() {
        return counters;
    }

    private CompletableFuture<Void> send(String topic, String key, Object value, Runnable onAcknowledged) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, EventJson.write(value));
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    onAcknowledged.run();
                    acknowledged.complete(null);
                } else {
                    counters.countFailed();
                    acknowledged.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            // send() throws for some failures (closed producer, interrupt, serialization) instead of
            // calling back; callers handle every failure in one place, the future.
            counters.countFailed();
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    /** Waits up to 5 s for records in flight, then closes the producer; unacknowledged sends fail. */
    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
        LOG.info("Kafka producer closed: {}", counters.snapshot());
    }
}
