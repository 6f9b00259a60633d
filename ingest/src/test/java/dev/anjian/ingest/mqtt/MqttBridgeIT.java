package dev.anjian.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.anjian.common.Config;
import dev.anjian.common.testing.ItServices;
import dev.anjian.common.testing.TestTopics;
import dev.anjian.common.testing.TopicReader;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.EventJson;
import dev.anjian.events.Quality;
import dev.anjian.events.SensorReading;
import dev.anjian.events.Topics;
import dev.anjian.ingest.IngestSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bridge against the real Mosquitto and Kafka of the test stack. Every test has its own Kafka topics,
 * MQTT client id, share group and device ids, so tests (and other bridges on the broker) do not interfere.
 */
class MqttBridgeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long T = 1_795_939_200_000L; // 2026-11-29 16:00:00 GMT+8
    /** Nothing listens on port 1: a Kafka that is down. */
    private static final String KAFKA_DOWN = "127.0.0.1:1";

    private final String kafka = ItServices.kafkaBootstrap();
    private final String mqttUrl = ItServices.mqttUrl();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private Topics topics;

    @BeforeEach
    void createTopics() {
        topics = TestTopics.create(kafka, 3);
    }

    @Test
    void readingsBecomeSensorReadingEventsKeyedByDeviceAndAreAcknowledgedOnceInKafka() throws Exception {
        String gas = "GAS-" + run;
        String co = "CO-" + run;
        try (MqttBridge bridge = new MqttBridge(settings(kafka, "it-ingest-" + run, Map.of()));
                TestPublisher device = new TestPublisher(mqttUrl);
                TopicReader<DeviceEvent> events = new TopicReader<>(kafka, topics.deviceEvents(), DeviceEvent.class)) {
            bridge.start();
            device.publish(topic(gas), "{\"ts\":1795939200000,\"metrics\":{\"CH4\":0.42,\"O2\":20.9}}");
            device.publish(topic(co), "{\"ts\":\"2026-11-29 16:00:01\",\"quality\":\"calibrating\","
                    + "\"metrics\":{\"CO\":{\"value\":3,\"unit\":\"ppm\"}}}");
            device.publish(topic(gas), "{\"ts\":1795939202000,\"metrics\":{\"CH4\":{\"value\":1.5,\"quality\":\"FAULT\"}}}");

            List<DeviceEvent> seen = events.awaitValues(v -> v.size() >= 4, TIMEOUT);
            assertThat(seen).extracting(DeviceEvent::type, DeviceEvent::deviceId, DeviceEvent::eventTime, DeviceEvent::reading)
                    .containsExactlyInAnyOrder(
                            tuple(DeviceEvent.Type.SENSOR_READING, gas, T, new SensorReading("CH4", 0.42, "", Quality.NORMAL)),
                            tuple(DeviceEvent.Type.SENSOR_READING, gas, T, new SensorReading("O2", 20.9, "", Quality.NORMAL)),
                            tuple(DeviceEvent.Type.SENSOR_READING, co, T + 1000, new SensorReading("CO", 3, "ppm", Quality.CALIBRATING)),
                            tuple(DeviceEvent.Type.SENSOR_READING, gas, T + 2000, new SensorReading("CH4", 1.5, "", Quality.FAULT)));
            assertThat(seen).allSatisfy(e -> assertThat(e.receivedAt()).isGreaterThan(T));
            List<ConsumerRecord<String, byte[]>> records = events.records();
            assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(EventJson.read(r.value(), DeviceEvent.class).deviceId()));
            assertThat(records).filteredOn(r -> r.key().equals(gas)) // one device, one partition, arrival order
                    .extracting(r -> EventJson.read(r.value(), DeviceEvent.class).reading().value())
                    .containsExactly(0.42, 20.9, 1.5);

            await().atMost(TIMEOUT).until(() -> bridge.stats().acked() == 3 && bridge.stats().inFlight() == 0);
            assertThat(bridge.stats()).isEqualTo(new BridgeStats(3, 0, 4, 0, 3, 0, 0));
        }
        assertAcknowledgedMessagesAreNotRedelivered("it-ingest-" + run);
    }

    /** A new bridge on the same session gets only a fresh message: the broker has the earlier PUBACKs. */
    private void assertAcknowledgedMessagesAreNotRedelivered(String clientId) throws Exception {
        String sentinel = "SENTINEL-" + run;
        try (MqttBridge again = new MqttBridge(settings(kafka, clientId, Map.of()));
                TestPublisher device = new TestPublisher(mqttUrl);
                TopicReader<DeviceEvent> events = new TopicReader<>(kafka, topics.deviceEvents(), DeviceEvent.class)) {
            again.start();
            // A resumed session gets its redeliveries before anything published after the resume.
            device.publish(topic(sentinel), "{\"metrics\":{\"CH4\":9}}");
            events.awaitValues(v -> v.stream().anyMatch(e -> e.deviceId().equals(sentinel)), TIMEOUT);
            assertThat(again.stats().received()).isEqualTo(1);
        }
    }

    @Test
    void malformedAndOversizedPayloadsEndOnDeadLetterAndTheBridgeKeepsWorking() throws Exception {
        String device = "DUST-" + run;
        byte[] malformed = "{\"metrics\":{\"PM10\":".getBytes(StandardCharsets.UTF_8);
        byte[] oversized = ("{\"metrics\":{\"PM10\":1},\"pad\":\"" + "x".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8);
        try (MqttBridge bridge = new MqttBridge(settings(kafka, "it-ingest-" + run, Map.of("mqtt.max-payload-bytes", "1024")));
                TestPublisher publisher = new TestPublisher(mqttUrl);
                TopicReader<DeadLetter> deadLetters = new TopicReader<>(kafka, topics.deadLetter(), DeadLetter.class);
                TopicReader<DeviceEvent> events = new TopicReader<>(kafka, topics.deviceEvents(), DeviceEvent.class)) {
            bridge.start();
            publisher.publish(topic(device), malformed);
            publisher.publish(topic(device), oversized);
            publisher.publish(topic(device), "{\"metrics\":{\"PM10\":0.8}}");

            List<DeviceEvent> readings = events.awaitValues(v -> !v.isEmpty(), TIMEOUT);
            assertThat(readings).extracting(DeviceEvent::deviceId, e -> e.reading().value()).containsExactly(tuple(device, 0.8));
            List<DeadLetter> letters = deadLetters.awaitValues(v -> v.size() >= 2, TIMEOUT);
            assertThat(letters).extracting(DeadLetter::source, DeadLetter::origin, DeadLetter::rawLength).containsExactly(
                    tuple("mqtt", topic(device), malformed.length), tuple("mqtt", topic(device), oversized.length));
            assertThat(letters.get(0).reason()).startsWith("payload is not valid UTF-8 JSON");
            assertThat(letters.get(0).raw()).isEqualTo(malformed);
            assertThat(letters.get(1).reason()).isEqualTo("payload of " + oversized.length + " bytes exceeds the limit of 1024");
            assertThat(letters.get(1).raw()).isEqualTo(oversized);
            assertThat(deadLetters.records()).extracting(ConsumerRecord::key).containsOnly("mqtt");

            await().atMost(TIMEOUT).until(() -> bridge.stats().acked() == 3);
            assertThat(bridge.stats()).isEqualTo(new BridgeStats(3, 2, 1, 2, 3, 0, 0));
        }
    }

    @Test
    void messagesReceivedButNeverInKafkaAreRedeliveredToTheNextBridgeWithTheSameClientId() throws Exception {
        String clientId = "it-ingest-" + run;
        String device = "GAS-" + run;
        int n = 10;
        try (TestPublisher publisher = new TestPublisher(mqttUrl)) {
            MqttBridge cutOff = new MqttBridge(settings(KAFKA_DOWN, clientId, Map.of()));
            cutOff.start();
            publishReadings(publisher, device, 0, n);
            await().atMost(TIMEOUT).until(() -> cutOff.stats().received() == n);
            // Stops like a crash between receive and Kafka ack: nothing could be published, so nothing is
            // acknowledged. The broker keeps the unacknowledged QoS 1 messages in the session of this client
            // id (clean start off, session expiry > 0) and sends them again when that session resumes.
            cutOff.close();
            assertThat(cutOff.stats().acked()).isZero();
            assertThat(cutOff.stats().published()).isZero();

            assertAllReadingsArriveThroughANewBridge(clientId, device, n);
        }
    }

    @Test
    void receiveMaximumBoundsWhatOneBridgeHoldsAndTheRestWaitsInTheSessionEvenWhileOffline() throws Exception {
        String clientId = "it-ingest-" + run;
        String device = "NH3-" + run;
        try (TestPublisher publisher = new TestPublisher(mqttUrl)) {
            MqttBridge cutOff = new MqttBridge(settings(KAFKA_DOWN, clientId, Map.of("mqtt.max-in-flight", "3")));
            cutOff.start();
            publishReadings(publisher, device, 0, 12);
            await().atMost(TIMEOUT).until(() -> cutOff.stats().received() >= 3);
            cutOff.close();
            publishReadings(publisher, device, 12, 4); // while no bridge of the share group is connected

            assertAllReadingsArriveThroughANewBridge(clientId, device, 16);
            // With nothing acknowledged, the broker never had more than Receive Maximum messages out to it.
            assertThat(cutOff.stats().received()).isEqualTo(3);
        }
    }

    @Test
    void bridgesOfOneShareGroupSplitTheMessagesAndAStoppedOnesShareComesBackWithIt() throws Exception {
        String device = "CO-" + run;
        try (TestPublisher publisher = new TestPublisher(mqttUrl);
                MqttBridge healthy = new MqttBridge(settings(kafka, "it-ingest-b-" + run, Map.of()))) {
            MqttBridge cutOff = new MqttBridge(settings(KAFKA_DOWN, "it-ingest-a-" + run, Map.of()));
            cutOff.start();
            healthy.start();
            publishReadings(publisher, device, 0, 10);
            await().atMost(TIMEOUT).until(() -> cutOff.stats().received() + healthy.stats().received() == 10);
            assertThat(cutOff.stats().received()).isPositive();
            assertThat(healthy.stats().received()).isPositive();
            cutOff.close();

            // Mosquitto 2.0.11 keeps what the stopped bridge had not acknowledged in its session (the healthy
            // member does not take it over): it reaches Kafka when a bridge with that client id returns.
            long heldByTheStoppedBridge = cutOff.stats().received();
            MqttBridge returned = assertAllReadingsArriveThroughANewBridge("it-ingest-a-" + run, device, 10);
            assertThat(returned.stats().received()).isEqualTo(heldByTheStoppedBridge);
            assertThat(healthy.stats().received()).isEqualTo(10 - heldByTheStoppedBridge);
        }
    }

    /** Starts a bridge with {@code clientId} and the real Kafka, waits for readings 0..n-1, closes it. */
    private MqttBridge assertAllReadingsArriveThroughANewBridge(String clientId, String device, int n) {
        try (MqttBridge recovered = new MqttBridge(settings(kafka, clientId, Map.of()));
                TopicReader<DeviceEvent> events = new TopicReader<>(kafka, topics.deviceEvents(), DeviceEvent.class)) {
            recovered.start();
            Set<Integer> expected = IntStream.range(0, n).boxed().collect(Collectors.toSet());
            // At least once: a message may arrive twice, but every one of them arrives.
            events.awaitValues(v -> valuesOf(v, device).containsAll(expected), TIMEOUT);
            assertThat(valuesOf(events.values(), device)).isEqualTo(expected);
            await().atMost(TIMEOUT).until(() -> recovered.stats().received() > 0 && recovered.stats().inFlight() == 0
                    && recovered.stats().acked() == recovered.stats().received());
            return recovered;
        }
    }

    private static Set<Integer> valuesOf(List<DeviceEvent> events, String device) {
        return events.stream().filter(e -> e.deviceId().equals(device))
                .map(e -> (int) e.reading().value()).collect(Collectors.toSet());
    }

    private static void publishReadings(TestPublisher publisher, String device, int from, int count) throws Exception {
        for (int i = from; i < from + count; i++) {
            publisher.publish(topic(device), "{\"ts\":" + (T + i * 1000L) + ",\"metrics\":{\"CH4\":" + i + "}}");
        }
    }

    private static String topic(String device) {
        return TelemetryMessage.topic("E-IT", device);
    }

    private IngestSettings settings(String kafkaBootstrap, String clientId, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of(
                "kafka.bootstrap", kafkaBootstrap,
                "topic.prefix", topics.prefix(),
                "mqtt.url", mqttUrl,
                "mqtt.client-id", clientId,
                "mqtt.share-group", "it-" + run,
                // Test sessions outlive the test only briefly; the production default is a day.
                "mqtt.session-expiry", "2m",
                "mqtt.close-timeout", "1s"));
        values.putAll(overrides);
        return IngestSettings.from(Config.of(values, Map.of()));
    }
}
