package dev.anjian.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.Quality;
import dev.anjian.events.SensorReading;
import dev.anjian.events.Topics;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** Failures a send() throws instead of calling back become failed futures; see EventPublisherIT for Kafka itself. */
class EventPublisherTest {

    private static final long T = 1_795_939_200_000L;

    @Test
    void sendOnAClosedProducerFailsTheFutureInsteadOfThrowing() {
        // A real producer that never connects: nothing listens on port 1, and it is closed before use.
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer("127.0.0.1:1", "unit-test"));
        EventPublisher publisher = new EventPublisher(producer, Topics.withDefaultPrefix());
        publisher.close();

        CompletableFuture<Void> event = publisher.publish(
                DeviceEvent.reading("GAS-1", T, T, new SensorReading("CH4", 0.4, "%", Quality.NORMAL)));
        CompletableFuture<Void> letter = publisher.deadLetter(DeadLetter.of("mqtt", "x", "bad", new byte[] {1}, T));

        assertThat(event).failsWithin(Duration.ZERO).withThrowableThat().havingRootCause()
                .isInstanceOf(IllegalStateException.class).withMessageContaining("closed");
        assertThat(letter).isCompletedExceptionally();
        assertThat(publisher.counters().snapshot()).isEqualTo(new PublishCounters.Snapshot(0, 0, 2));
    }
}
