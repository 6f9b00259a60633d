package dev.anjian.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.common.testing.ItServices;
import dev.anjian.common.testing.TestTopics;
import dev.anjian.common.testing.TopicReader;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.EventJson;
import dev.anjian.events.Quality;
import dev.anjian.events.SensorReading;
import dev.anjian.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class EventPublisherIT {

    private static final long T = 1_795_939_200_000L;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String kafka = ItServices.kafkaBootstrap();

    @Test
    void eventsGoToDeviceEventsKeyedByDeviceAndDeadLettersToDeadLetterKeyedBySource() {
        Topics topics = TestTopics.create(kafka, 3);
        DeviceEvent reading = DeviceEvent.reading("GAS-7", T, T + 5, new SensorReading("CH4", 0.42, "%", Quality.NORMAL));
        DeadLetter letter = DeadLetter.of("mqtt", "anjian/telemetry/E1/GAS-7", "empty payload", new byte[0], T);
        try (EventPublisher publisher = new EventPublisher(kafka, "it-publisher", topics);
                TopicReader<DeviceEvent> events = new TopicReader<>(kafka, topics.deviceEvents(), DeviceEvent.class);
                TopicReader<DeadLetter> letters = new TopicReader<>(kafka, topics.deadLetter(), DeadLetter.class)) {
            assertThat(publisher.publish(reading)).succeedsWithin(TIMEOUT);
            assertThat(publisher.deadLetter(letter)).succeedsWithin(TIMEOUT);

            assertThat(events.awaitValues(v -> !v.isEmpty(), TIMEOUT)).containsExactly(reading);
            assertThat(letters.awaitValues(v -> !v.isEmpty(), TIMEOUT)).containsExactly(letter);
            ConsumerRecord<String, byte[]> eventRecord = events.records().get(0);
            assertThat(eventRecord.key()).isEqualTo("GAS-7");
            assertThat(new String(eventRecord.value(), StandardCharsets.UTF_8)).isEqualTo(EventJson.writeString(reading));
            assertThat(letters.records().get(0).key()).isEqualTo("mqtt");
            assertThat(publisher.counters().snapshot()).isEqualTo(new PublishCounters.Snapshot(1, 1, 0));
        }
    }

    @Test
    void anUnreachableKafkaFailsTheFutureAfterMaxBlockInsteadOfThrowing() {
        try (EventPublisher publisher = new EventPublisher("127.0.0.1:1", "it-publisher-down", Topics.withDefaultPrefix())) {
            CompletableFuture<Void> sent = publisher.publish(
                    DeviceEvent.reading("GAS-7", T, T, new SensorReading("CH4", 0.42, "%", Quality.NORMAL)));

            assertThat(sent).failsWithin(TIMEOUT).withThrowableThat().havingCause().isInstanceOf(TimeoutException.class);
            assertThat(publisher.counters().snapshot()).isEqualTo(new PublishCounters.Snapshot(0, 0, 1));
        }
    }
}
