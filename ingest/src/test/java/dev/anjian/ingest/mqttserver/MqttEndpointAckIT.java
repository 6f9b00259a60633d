package dev.anjian.ingest.mqttserver;

import static dev.anjian.ingest.mqttserver.EndpointFixture.WAIT_MILLIS;
import static dev.anjian.ingest.mqttserver.TestDevices.GAS;
import static dev.anjian.ingest.mqttserver.TestDevices.password;
import static dev.anjian.ingest.mqttserver.TestDevices.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.anjian.common.testing.ItServices;
import dev.anjian.common.testing.TopicReader;
import dev.anjian.events.DeviceEvent;
import dev.anjian.ingest.kafka.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;

/** PUBACK only after Kafka acknowledged: held at a latch in front of the real producer's callback, and Kafka down. */
class MqttEndpointAckIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final byte[] READING = "{\"metrics\":{\"CH4\":0.8}}".getBytes(StandardCharsets.UTF_8);

    private static IMqttToken publishAsync(MqttAsyncClient client) throws Exception {
        MqttMessage message = new MqttMessage(READING);
        message.setQos(1);
        return client.publish(topic(GAS), message);
    }

    @Test
    void thePubAckWaitsUntilKafkaHasTheEventAndHasSaidSo() throws Exception {
        GatedProducer producer = new GatedProducer(ItServices.kafkaBootstrap());
        try (EndpointFixture endpoint = new EndpointFixture(Map.of(), topics -> new EventPublisher(producer, topics));
                TopicReader<DeviceEvent> events = endpoint.events()) {
            MqttAsyncClient gas = endpoint.mqtt5(GAS, password(GAS));
            IMqttToken token = publishAsync(gas);

            // The event is in Kafka (after the device's CONNECTED) and Kafka's acknowledgements have reached the
            // producer, held at the gate ...
            events.awaitValues(v -> EndpointFixture.readings(v).size() == 1, TIMEOUT);
            await().atMost(TIMEOUT).until(() -> producer.held() == 2);
            // ... so the endpoint cannot know yet, and the device has no PUBACK.
            assertThat(token.isComplete()).isFalse();
            assertThat(endpoint.counters().acked()).isZero();

            producer.open();
            token.waitForCompletion(WAIT_MILLIS);
            assertThat(token.getReasonCodes()).containsExactly(0);
            assertThat(endpoint.counters().acked()).isEqualTo(1);
        }
    }

    @Test
    void whileKafkaIsDownNothingIsAcknowledgedAndSendsAreRetried() throws Exception {
        // Nothing listens on port 1: every send fails (after max.block.ms) and is retried with backoff.
        try (EndpointFixture endpoint = new EndpointFixture(Map.of(),
                topics -> new EventPublisher("127.0.0.1:1", "it-kafka-down", topics))) {
            MqttAsyncClient gas = endpoint.mqtt5(GAS, password(GAS));
            IMqttToken token = publishAsync(gas);

            await().atMost(TIMEOUT).until(() -> endpoint.counters().kafkaRetries() >= 1);
            assertThat(token.isComplete()).isFalse();
            assertThat(endpoint.counters().acked()).isZero();
            assertThat(endpoint.publisher.counters().failed()).isPositive();
            assertThat(gas.isConnected()).isTrue(); // Kafka's trouble is not the device's: the connection stays
        }
    }
}
