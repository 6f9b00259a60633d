package dev.anjian.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.anjian.common.Config;
import dev.anjian.common.testing.ItServices;
import dev.anjian.common.testing.TopicReader;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.Topics;
import dev.anjian.ingest.IngestSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/**
 * Outages while the bridge runs, against the real services. Kafka: the test Kafka does not auto-create
 * topics, so sends to topics that do not exist yet fail (metadata timeout) until the test creates them,
 * like a broker coming back. MQTT: the bridge connects through a {@link TcpProxy} that the test cuts.
 */
class MqttBridgeOutageIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final String kafka = ItServices.kafkaBootstrap();
    private final String mqttUrl = ItServices.mqttUrl();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Topics topics = new Topics("it-" + run + "."); // not created yet

    @Test
    void failedSendsAreRetriedAndMessagesAcknowledgedOnlyOnceKafkaHasThem() throws Exception {
        String device = "GAS-" + run;
        try (MqttBridge bridge = new MqttBridge(settings(mqttUrl)); TestPublisher publisher = new TestPublisher(mqttUrl)) {
            bridge.start();
            for (int i = 0; i < 3; i++) {
                publisher.publish(TelemetryMessage.topic("E-IT", device), "{\"metrics\":{\"CH4\":" + i + "}}");
            }
            await().atMost(TIMEOUT).until(() -> bridge.stats().retries() >= 1);
            assertThat(bridge.stats().acked()).isZero();
            assertThat(bridge.stats().published()).isZero();

            createTopics();

            try (TopicReader<DeviceEvent> events = new TopicReader<>(kafka, topics.deviceEvents(), DeviceEvent.class)) {
                events.awaitValues(v -> v.stream().map(e -> e.reading().value()).distinct().count() == 3, TIMEOUT);
            }
            await().atMost(TIMEOUT).until(() -> bridge.stats().acked() == 3 && bridge.stats().inFlight() == 0);
            assertThat(bridge.stats().retries()).isPositive();
        }
    }

    @Test
    void afterAConnectionLossOnlyTheRedeliveredCopiesAreAcknowledgedAndNothingIsLeftBehind() throws Exception {
        String device = "CO-" + run;
        try (TcpProxy link = new TcpProxy(URI.create(mqttUrl).getPort());
                MqttBridge bridge = new MqttBridge(settings("tcp://127.0.0.1:" + link.port()));
                TestPublisher publisher = new TestPublisher(mqttUrl)) {
            bridge.start();
            for (int i = 0; i < 3; i++) {
                publisher.publish(TelemetryMessage.topic("E-IT", device), "{\"metrics\":{\"CO\":" + i + "}}");
            }
            await().atMost(TIMEOUT).until(() -> bridge.stats().received() == 3);

            // Kafka cannot take them yet, so all three are unacknowledged when the link drops. Their packet ids
            // belong to the lost connection: the bridge must not ack them on the next one. The broker resends
            // them on the resumed session, and those copies are the ones acknowledged.
            link.cutConnections();
            await().atMost(TIMEOUT).until(() -> bridge.stats().received() == 6);
            createTopics();

            try (TopicReader<DeviceEvent> events = new TopicReader<>(kafka, topics.deviceEvents(), DeviceEvent.class)) {
                events.awaitValues(v -> v.stream().map(e -> e.reading().value()).distinct().count() == 3, TIMEOUT);
            }
            await().atMost(TIMEOUT).until(() -> bridge.stats().acked() == 3 && bridge.stats().inFlight() == 0);
        }
        assertTheBrokerHoldsNothingUnacknowledged();
    }

    /** A new bridge on the same session receives only a fresh message: nothing was left unacknowledged. */
    private void assertTheBrokerHoldsNothingUnacknowledged() throws Exception {
        String sentinel = "SENTINEL-" + run;
        try (MqttBridge again = new MqttBridge(settings(mqttUrl)); TestPublisher publisher = new TestPublisher(mqttUrl);
                TopicReader<DeviceEvent> events = new TopicReader<>(kafka, topics.deviceEvents(), DeviceEvent.class)) {
            again.start();
            publisher.publish(TelemetryMessage.topic("E-IT", sentinel), "{\"metrics\":{\"CO\":9}}");
            events.awaitValues(v -> v.stream().anyMatch(e -> e.deviceId().equals(sentinel)), TIMEOUT);
            assertThat(again.stats().received()).isEqualTo(1);
        }
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            admin.createTopics(List.of(new NewTopic(topics.deviceEvents(), 3, (short) 1),
                    new NewTopic(topics.deadLetter(), 1, (short) 1))).all().get();
        }
    }

    private IngestSettings settings(String brokerUrl) {
        return IngestSettings.from(Config.of(Map.of(
                "kafka.bootstrap", kafka,
                "topic.prefix", topics.prefix(),
                "mqtt.url", brokerUrl,
                "mqtt.client-id", "it-ingest-" + run,
                "mqtt.share-group", "it-" + run,
                "mqtt.session-expiry", "2m",
                "mqtt.close-timeout", "1s"), Map.of()));
    }
}
