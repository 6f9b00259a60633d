package dev.anjian.simulator;

import dev.anjian.ingest.mqtt.TelemetryMessage;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes telemetry at QoS 1 with Paho's v5 client and waits for each PUBACK, so "published" means the
 * broker has it. While the broker is away, publishes fail (logged once per outage, counted) and the client
 * reconnects by itself; the simulator does not queue stale readings.
 */
final class TelemetryPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelemetryPublisher.class);
    private static final int QOS = 1;
    private static final long PUBLISH_TIMEOUT_MS = 5_000;

    private final MqttClient client;
    private final String url;
    private long failedInARow;

    private TelemetryPublisher(MqttClient client, String url) {
        this.client = client;
        this.url = url;
    }

    /** Connects or throws {@link IllegalStateException} naming the broker. */
    static TelemetryPublisher connect(String url, String clientId) {
        try {
            // Memory persistence: Paho's default writes a folder into the working directory.
            MqttClient client = new MqttClient(url, clientId, new MemoryPersistence());
            client.setTimeToWait(PUBLISH_TIMEOUT_MS);
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setAutomaticReconnect(true);
            options.setConnectionTimeout(10);
            options.setKeepAliveInterval(30);
            client.connect(options);
            log.info("simulator connected to MQTT broker {} as {}", url, clientId);
            return new TelemetryPublisher(client, url);
        } catch (MqttException e) {
            throw new IllegalStateException("cannot connect to the MQTT broker at " + url + ": " + e.getMessage(), e);
        }
    }

    /** True once the broker acknowledged the message; false (logged) when it could not be published. */
    boolean publish(TelemetryMessage message) {
        try {
            client.publish(message.topic(), message.payload(), QOS, false);
            if (failedInARow > 0) {
                log.info("publishing to {} again after {} failed messages", url, failedInARow);
                failedInARow = 0;
            }
            return true;
        } catch (MqttException e) {
            if (failedInARow++ == 0) {
                log.warn("cannot publish to {} ({}); dropping readings until the broker is back", url, e.getMessage());
            }
            return false;
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(PUBLISH_TIMEOUT_MS);
            }
            client.close();
        } catch (MqttException e) {
            log.warn("closing the MQTT client for {} failed: {}", url, e.getMessage(), e);
        }
    }
}
