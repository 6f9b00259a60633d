package dev.anjian.ingest.mqttserver;

import dev.anjian.events.DeviceEvent;
import dev.anjian.ingest.mqtt.TelemetryParseResult;
import dev.anjian.ingest.mqtt.TelemetryPayloadParser;
import dev.anjian.ingest.mqttserver.PendingAcks.Closing;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import java.util.List;
import java.util.Optional;

/**
 * What becomes of one PUBLISH of an authenticated device; a pure function. In order:
 * <ol>
 * <li>QoS 2 -> dead letter, and the connection closes (5: DISCONNECT 0x9B QoS not supported; the CONNACK said
 *     Maximum QoS 1).</li>
 * <li>a topic other than the device's own ({@link PublishGrant}) -> dead letter; MQTT 5 QoS 1: PUBACK 0x87 Not
 *     authorized. MQTT 3.1.1 has no negative PUBACK, and a positive one would tell the device its data was
 *     taken, so the connection closes instead (the spec's other choice, 3.3.5).</li>
 * <li>the payload, through the same {@link TelemetryPayloadParser} as the bridge -> readings, or a dead letter
 *     (5: PUBACK 0x99 Payload format invalid; 3.1.1: a plain PUBACK, as the bridge gives the broker: the
 *     message is handled, it is in dead-letter).</li>
 * </ol>
 */
final class PublishRules {

    sealed interface Outcome {
    }

    record Readings(List<DeviceEvent> events) implements Outcome {
    }

    /**
     * Goes whole to dead-letter with {@code reason}; {@code pubAckReason} is the MQTT 5 PUBACK reason code of a
     * QoS 1 message unless {@code closing} says the connection ends instead.
     */
    record Rejected(String reason, byte pubAckReason, Closing closing, boolean unauthorized) implements Outcome {
    }

    private PublishRules() {
    }

    static Outcome triage(PublishGrant grant, String topic, MqttQoS qos, byte[] payload, long receivedAt, boolean mqtt5,
            int maxPayloadBytes) {
        if (qos == MqttQoS.EXACTLY_ONCE) {
            String reason = "QoS 2 is not supported (maximum QoS 1)";
            return new Rejected(reason, (byte) 0, new Closing(MqttReasonCodes.Disconnect.QOS_NOT_SUPPORTED, reason), false);
        }
        Optional<String> refusal = grant.refusal(topic);
        if (refusal.isPresent()) {
            Closing closing = mqtt5 ? null : new Closing(MqttReasonCodes.Disconnect.NOT_AUTHORIZED,
                    refusal.get() + " (MQTT 3.1.1 has no negative PUBACK)");
            return new Rejected(refusal.get(), MqttReasonCodes.PubAck.NOT_AUTHORIZED.byteValue(), closing, true);
        }
        TelemetryParseResult result;
        try {
            result = TelemetryPayloadParser.parse(topic, payload, receivedAt, maxPayloadBytes);
        } catch (RuntimeException e) {
            // The parser is tested never to throw; should it still, the message is dead-lettered, not lost.
            result = new TelemetryParseResult.Rejection("parser failure: " + e);
        }
        if (result instanceof TelemetryParseResult.Readings readings) {
            return new Readings(readings.events());
        }
        return new Rejected(((TelemetryParseResult.Rejection) result).reason(),
                MqttReasonCodes.PubAck.PAYLOAD_FORMAT_INVALID.byteValue(), null, false);
    }
}
