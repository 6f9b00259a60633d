package dev.anjian.ingest.mqtt;

import dev.anjian.ingest.IngestSettings;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's Paho v5 client: connects with the persistent session of {@link MqttOptions}, holds the
 * shared subscription at QoS 1, and sends PUBACKs only when told to (manual acks).
 */
final class MqttSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSubscriber.class);
    private static final long WAIT_MS = MqttOptions.CONNECT_TIMEOUT_SECONDS * 1000L;
    private static final long DISCONNECT_TIMEOUT_MS = 5_000;

    private final IngestSettings settings;
    private final MqttAsyncClient client;

    /** A client not yet connected: the bridge holds it before any message can arrive and need a PUBACK. */
    static MqttSubscriber create(IngestSettings settings) throws MqttException {
        return new MqttSubscriber(settings);
    }

    /** Connects and subscribes; returns once the broker granted the subscription, throws if it did not. */
    void connect(MqttCallback callback) throws MqttException {
        client.setCallback(callback); // before connect: a resumed session redelivers at once
        client.setManualAcks(true);
        IMqttToken connected = client.connect(MqttOptions.of(settings));
        connected.waitForCompletion(WAIT_MS);
        LOG.info("MQTT connected to {} (previous session resumed: {})", settings.mqttUrl(), connected.getSessionPresent());
        checkGranted(subscribe());
    }

    private MqttSubscriber(IngestSettings settings) throws MqttException {
        this.settings = settings;
        // Memory persistence: the bridge only receives, and Paho keeps no state for received QoS 1 messages.
        this.client = new MqttAsyncClient(settings.mqttUrl(), settings.mqttClientId(), new MemoryPersistence());
    }

    /** After an automatic reconnect: a session that expired meanwhile has lost the subscription. */
    void resubscribe() {
        try {
            subscribe().setActionCallback(new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    LOG.info("MQTT subscribed again to '{}'", settings.mqttSubscription());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    LOG.error("MQTT subscribe to '{}' after reconnect failed: {}", settings.mqttSubscription(), error.toString());
                }
            });
        } catch (MqttException e) {
            LOG.error("MQTT subscribe to '{}' after reconnect failed: {}", settings.mqttSubscription(), e.getMessage(), e);
        }
    }

    /** Sends the PUBACK of a message; Paho queues it for its sender thread, so any thread may call this. */
    void acknowledge(int packetId, int qos) throws MqttException {
        client.messageArrivedComplete(packetId, qos);
    }

    /** A normal DISCONNECT: the session (expiry > 0) keeps the messages not acknowledged yet. */
    void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(DISCONNECT_TIMEOUT_MS).waitForCompletion(DISCONNECT_TIMEOUT_MS);
            }
        } catch (MqttException e) {
            LOG.warn("MQTT disconnect from {} failed: {}", settings.mqttUrl(), e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.warn("MQTT client for {} did not close cleanly: {}", settings.mqttUrl(), e.getMessage());
        }
    }

    private IMqttToken subscribe() throws MqttException {
        return client.subscribe(new MqttSubscription(settings.mqttSubscription(), 1));
    }

    private static void checkGranted(IMqttToken subscribed) throws MqttException {
        subscribed.waitForCompletion(WAIT_MS);
        for (int code : subscribed.getReasonCodes()) {
            if (code >= 0x80) { // MQTT 5: codes below 0x80 are the granted QoS, from 0x80 on failures
                throw new IllegalStateException("the broker refused the subscription, reason code 0x"
                        + Integer.toHexString(code) + (code == 0x9E ? " (shared subscriptions not supported)" : ""));
            }
        }
    }
}
