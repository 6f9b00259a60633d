package dev.anjian.ingest.mqttserver;

import dev.anjian.common.Config;
import dev.anjian.common.testing.ItServices;
import dev.anjian.common.testing.TestTopics;
import dev.anjian.common.testing.TopicReader;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.Topics;
import dev.anjian.ingest.kafka.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One endpoint for one test: fresh Kafka topics, the {@link TestDevices} registry on the real registry topic, the
 * endpoint on a free loopback port following it, and Paho v5 and v3.1.1 devices connecting to it.
 */
final class EndpointFixture implements AutoCloseable {

    static final long WAIT_MILLIS = 20_000;
    private static final Logger LOG = LoggerFactory.getLogger(EndpointFixture.class);

    final String kafka = ItServices.kafkaBootstrap();
    final Topics topics = TestTopics.create(kafka, 2);
    final EventPublisher publisher;
    final MqttEndpoint endpoint;
    private final List<AutoCloseable> clients = new ArrayList<>();

    EndpointFixture(Map<String, String> overrides) {
        this(overrides, topics -> new EventPublisher(ItServices.kafkaBootstrap(), "it-mqtt-endpoint", topics));
    }

    /** {@code publisherFor} builds the endpoint's Kafka publisher for the test's topics (a gated or a cut-off one). */
    EndpointFixture(Map<String, String> overrides, Function<Topics, EventPublisher> publisherFor) {
        TestDevices.write(kafka, topics.deviceRegistry(), TestDevices.registry());
        Map<String, String> values = new HashMap<>(Map.of("mqtt-endpoint.enabled", "true", "mqtt-endpoint.port", "0",
                "kafka.bootstrap", kafka, "topic.prefix", topics.prefix()));
        values.putAll(overrides);
        publisher = publisherFor.apply(topics);
        endpoint = new MqttEndpoint(MqttEndpointSettings.from(Config.of(values, Map.of())), publisher).start();
    }

    MqttEndpointServer server() {
        return endpoint.server();
    }

    MqttEndpointCounters counters() {
        return endpoint.server().counters();
    }

    int port() {
        return endpoint.server().port();
    }

    String url() {
        return "tcp://127.0.0.1:" + port();
    }

    TopicReader<DeviceEvent> events() {
        return new TopicReader<>(kafka, topics.deviceEvents(), DeviceEvent.class);
    }

    /** The SENSOR_READING events of {@code events}, in their order (without the CONNECTIVITY events). */
    static List<DeviceEvent> readings(List<DeviceEvent> events) {
        return events.stream().filter(e -> e.type() == DeviceEvent.Type.SENSOR_READING).toList();
    }

    TopicReader<DeadLetter> deadLetters() {
        return new TopicReader<>(kafka, topics.deadLetter(), DeadLetter.class);
    }

    /** A connected MQTT 5 device (clean start, no automatic reconnect); tokens carry PUBACK reason codes. */
    MqttAsyncClient mqtt5(String username, String password) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(url(), "it-v5-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setUserName(username);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        clients.add(() -> {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1000, false);
            }
            client.close();
        });
        client.connect(options).waitForCompletion(WAIT_MILLIS);
        return client;
    }

    /** A connected MQTT 3.1.1 device (clean session, no automatic reconnect). */
    org.eclipse.paho.client.mqttv3.MqttClient mqtt311(String username, String password)
            throws org.eclipse.paho.client.mqttv3.MqttException {
        org.eclipse.paho.client.mqttv3.MqttClient client = new org.eclipse.paho.client.mqttv3.MqttClient(url(),
                "it-v3-" + UUID.randomUUID(), new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setUserName(username);
        options.setPassword(password.toCharArray());
        clients.add(() -> {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1000);
            }
            client.close();
        });
        client.connect(options);
        return client;
    }

    /** Closes the test's clients, then the endpoint and its publisher. */
    @Override
    public void close() {
        for (AutoCloseable client : clients) {
            try {
                client.close();
            } catch (Exception e) {
                LOG.debug("test client did not close cleanly: {}", e.toString());
            }
        }
        endpoint.close();
        publisher.close();
    }
}
