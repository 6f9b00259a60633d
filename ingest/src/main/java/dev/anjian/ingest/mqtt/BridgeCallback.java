package dev.anjian.ingest.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts Paho's callbacks to the {@link MqttBridge}. Runs on Paho's threads, so it only hands over: an
 * exception thrown from {@code messageArrived} would make Paho drop the connection.
 */
final class BridgeCallback implements MqttCallback {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeCallback.class);

    private final MqttBridge bridge;

    BridgeCallback(MqttBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        try {
            bridge.messageArrived(topic, message.getId(), message.getQos(), message.getPayload());
        } catch (RuntimeException e) {
            // Unacknowledged, so the broker redelivers it; logged because it means a bug here.
            LOG.error("MQTT message {} on '{}' could not be handed over", message.getId(), topic, e);
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        bridge.connectionLost(response.getReasonString() != null ? response.getReasonString()
                : response.getException() != null ? response.getException().getMessage()
                : "reason code " + response.getReturnCode());
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        if (reconnect) {
            bridge.reconnected();
        }
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.warn("MQTT protocol error: {}", exception.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // The bridge only subscribes; it publishes nothing whose delivery could complete.
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // No enhanced (AUTH packet) authentication is configured.
    }
}
