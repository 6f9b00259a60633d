package dev.anjian.ingest.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** A device in tests: a plain Paho v5 client publishing QoS 1 messages; publish returns once the broker has it. */
final class TestPublisher implements AutoCloseable {

    private final MqttClient client;

    TestPublisher(String brokerUrl) throws MqttException {
        client = new MqttClient(brokerUrl, "it-device-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options);
    }

    void publish(String topic, byte[] payload) throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        client.publish(topic, message); // blocks until the broker's PUBACK
    }

    void publish(String topic, String payload) throws MqttException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
