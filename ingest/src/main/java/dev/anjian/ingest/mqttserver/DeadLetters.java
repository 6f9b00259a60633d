package dev.anjian.ingest.mqttserver;

import dev.anjian.events.DeadLetter;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every message the endpoint refuses, the same way: counted, logged (WARN for the first few of a connection,
 * DEBUG after, so one misbehaving device cannot flood the log) and sent whole to dead-letter with source
 * {@value #SOURCE}, origin = the MQTT topic, the reason and the raw payload.
 */
final class DeadLetters {

    static final String SOURCE = "mqtt-endpoint";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaLane lane;
    private final MqttEndpointCounters counters;

    DeadLetters(KafkaLane lane, MqttEndpointCounters counters) {
        this.lane = lane;
        this.counters = counters;
    }

    /** Completes once Kafka has the dead letter; retried while {@code open} (see {@link KafkaLane}). */
    CompletableFuture<Void> send(String deviceId, String origin, String reason, byte[] raw, long receivedAt,
            BooleanSupplier open, boolean loud) {
        counters.deadLetteredOne();
        String line = "MQTT endpoint: message of device " + deviceId + " on '" + origin + "'"
                + (raw.length > 0 ? " (" + raw.length + " bytes)" : "") + " rejected: " + reason + "; to dead-letter";
        if (loud) {
            LOG.warn(line);
        } else {
            LOG.debug(line);
        }
        return lane.deadLetter(DeadLetter.of(SOURCE, origin, reason, raw, receivedAt), open);
    }

    /** The reason for a packet the decoder refused to read, e.g. {@code a PUBLISH of 10000052 bytes exceeds ...}. */
    static String oversized(MqttFixedHeader header, int limit) {
        return (header == null ? "a packet" : "a " + header.messageType() + " of " + header.remainingLength() + " bytes")
                + " exceeds the limit of " + limit + " (mqtt.max-payload-bytes + " + MqttEndpointSettings.HEADER_ROOM_BYTES
                + "); its bytes were discarded unread, the connection is closed";
    }
}
