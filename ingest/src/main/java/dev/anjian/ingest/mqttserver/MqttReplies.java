package dev.anjian.ingest.mqttserver;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import java.util.Arrays;
import java.util.Collections;

/**
 * The packets the endpoint sends, per protocol version: MQTT 5 carries reason codes and properties that 3.1.1
 * has no room for. Pure constructors; the handler decides which one to send.
 */
final class MqttReplies {

    static final MqttMessage PINGRESP =
            new MqttMessage(new MqttFixedHeader(MqttMessageType.PINGRESP, false, MqttQoS.AT_MOST_ONCE, false, 0));
    /** SUBACK failure: 3.1.1 has one failure code, MQTT 5 says why: devices only publish. */
    private static final int SUBSCRIBE_FAILED_3 = 0x80;
    private static final int SUBSCRIBE_NOT_AUTHORIZED_5 = 0x87;
    private static final short NO_SUBSCRIPTION_EXISTED_5 = 0x11;

    private MqttReplies() {
    }

    /**
     * CONNACK accepting an MQTT 5 client, telling it the endpoint's limits: at most QoS 1, no subscriptions of
     * any kind, no session kept, {@code receiveMaximum} unacknowledged QoS 1 messages,
     * packets of at most {@code maxPacketBytes}; {@code serverKeepAlive} when it overrides the client's.
     */
    static MqttConnAckMessage accepted5(int receiveMaximum, long maxPacketBytes, Integer serverKeepAlive,
            String assignedClientId) {
        return MqttMessageBuilders.connAck()
                .returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED)
                .sessionPresent(false)
                .properties(p -> {
                    p.maximumQos((byte) 1)
                            .wildcardSubscriptionAvailable(false)
                            .subscriptionIdentifiersAvailable(false)
                            .sharedSubscriptionAvailable(false)
                            .sessionExpiryInterval(0)
                            .receiveMaximum(receiveMaximum)
                            .maximumPacketSize(maxPacketBytes);
                    if (serverKeepAlive != null) {
                        p.serverKeepAlive(serverKeepAlive);
                    }
                    if (assignedClientId != null) {
                        p.assignedClientId(assignedClientId);
                    }
                })
                .build();
    }

    static MqttConnAckMessage accepted3() {
        return MqttMessageBuilders.connAck().returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED).sessionPresent(false)
                .build();
    }

    /** A refusing CONNACK; the code must be one of the CONNECT's protocol version. */
    static MqttConnAckMessage refused(MqttConnectReturnCode code) {
        return MqttMessageBuilders.connAck().returnCode(code).sessionPresent(false).build();
    }

    /** PUBACK; the reason code is sent to MQTT 5 clients only (3.1.1 has none). */
    static MqttMessage pubAck(int packetId, byte reasonCode, boolean mqtt5) {
        return MqttMessageBuilders.pubAck().packetId(packetId).reasonCode(mqtt5 ? reasonCode : 0).build();
    }

    /** SUBACK refusing every topic filter of {@code subscribe}: devices only publish. */
    static MqttSubAckMessage subscriptionsRefused(MqttSubscribeMessage subscribe, boolean mqtt5) {
        int packetId = subscribe.variableHeader().messageId();
        int[] codes = new int[subscribe.payload().topicSubscriptions().size()];
        Arrays.fill(codes, mqtt5 ? SUBSCRIBE_NOT_AUTHORIZED_5 : SUBSCRIBE_FAILED_3);
        return new MqttSubAckMessage(new MqttFixedHeader(MqttMessageType.SUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                new MqttMessageIdAndPropertiesVariableHeader(packetId, MqttProperties.NO_PROPERTIES),
                new MqttSubAckPayload(codes));
    }

    /** UNSUBACK; MQTT 5 says for each filter that no such subscription existed. */
    static MqttMessage unsubAck(MqttUnsubscribeMessage unsubscribe, boolean mqtt5) {
        MqttMessageBuilders.UnsubAckBuilder unsubAck =
                MqttMessageBuilders.unsubAck().packetId(unsubscribe.variableHeader().messageId());
        if (mqtt5) {
            int filters = unsubscribe.payload().topics().size();
            unsubAck.addReasonCodes(Collections.nCopies(filters, NO_SUBSCRIPTION_EXISTED_5).toArray(Short[]::new));
        }
        return unsubAck.build();
    }

    /** MQTT 5 only: the reason the endpoint closes the connection. */
    static MqttMessage disconnect(MqttReasonCodes.Disconnect reasonCode) {
        return MqttMessageBuilders.disconnect().reasonCode(reasonCode.byteValue()).build();
    }
}
