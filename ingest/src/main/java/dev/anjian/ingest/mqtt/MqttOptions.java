package dev.anjian.ingest.mqtt;

import dev.anjian.ingest.IngestSettings;
import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/** The bridge's MQTT 5 session: persistent, resumed on every (re)connect, with a bounded receive window. */
final class MqttOptions {

    static final int CONNECT_TIMEOUT_SECONDS = 10;
    static final int KEEP_ALIVE_SECONDS = 30;
    static final int RECONNECT_MIN_SECONDS = 1;
    static final int RECONNECT_MAX_SECONDS = 30;

    private MqttOptions() {
    }

    static MqttConnectionOptions of(IngestSettings settings) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        // A stable client id with cleanStart=false resumes the same broker session after a restart, and the
        // broker redelivers the QoS 1 messages this bridge received but never acknowledged.
        options.setCleanStart(false);
        options.setSessionExpiryInterval(settings.mqttSessionExpiry().toSeconds());
        // Receive Maximum: the broker sends at most this many unacknowledged QoS 1 messages. Acks wait for
        // Kafka, so this bounds the bridge's memory when Kafka is slow or down.
        options.setReceiveMaximum(settings.mqttMaxInFlight());
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(RECONNECT_MIN_SECONDS, RECONNECT_MAX_SECONDS);
        options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        if (!settings.mqttUsername().isEmpty()) {
            options.setUserName(settings.mqttUsername());
            options.setPassword(settings.mqttPassword().getBytes(StandardCharsets.UTF_8));
        }
        return options;
    }
}
