package dev.anjian.bench.raw;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The raw pipe's one subscriber, set up as the product's MQTT bridge is (ingest MqttSubscriber/MqttOptions):
 * Paho v5, a shared subscription, manual acks, Receive Maximum 1000 (mqtt.max-in-flight's default). Unlike
 * the bridge it acknowledges each message at once on Paho's callback thread and does nothing else with it:
 * the pipe without parsing or Kafka. Clean start and session expiry 0, so the broker forgets it on close.
 */
final class MqttCountingSubscriber implements MqttCallback, AutoCloseable {

    static final int RECEIVE_MAXIMUM = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(MqttCountingSubscriber.class);
    private static final long WAIT_MS = 10_000;

    private final MqttAsyncClient client;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong ackFailures = new AtomicLong();

    MqttCountingSubscriber(String brokerUrl, String clientId, String subscription, int qos) throws MqttException {
        client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        client.setCallback(this);
        client.setManualAcks(true);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setReceiveMaximum(RECEIVE_MAXIMUM);
        options.setKeepAliveInterval(30);
        client.connect(options).waitForCompletion(WAIT_MS);
        IMqttToken subscribed = client.subscribe(new MqttSubscription(subscription, qos));
        subscribed.waitForCompletion(WAIT_MS);
        for (int code : subscribed.getReasonCodes()) {
            if (code >= 0x80) {
                throw new IllegalStateException("broker refused subscription " + subscription + ": 0x" + Integer.toHexString(code));
            }
        }
    }

    long received() {
        return received.get();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        received.incrementAndGet();
        if (message.getQos() > 0) {
            try {
                client.messageArrivedComplete(message.getId(), message.getQos());
            } catch (MqttException e) {
                if (ackFailures.getAndIncrement() == 0) {
                    LOG.warn("raw pipe subscriber cannot acknowledge message {}: {}", message.getId(), e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            client.disconnect(WAIT_MS).waitForCompletion(WAIT_MS);
        } catch (MqttException e) {
            LOG.warn("raw pipe subscriber disconnect failed: {}", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.warn("raw pipe subscriber close failed: {}", e.getMessage());
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        LOG.warn("raw pipe subscriber disconnected: {}", response);
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.warn("raw pipe subscriber MQTT error: {}", exception.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // subscribes only
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        // no automatic reconnect: a lost connection ends the baseline with what was counted
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }
}
