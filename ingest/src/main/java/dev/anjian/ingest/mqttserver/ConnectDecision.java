package dev.anjian.ingest.mqttserver;

import dev.anjian.events.Device;
import dev.anjian.ingest.mqttserver.DeviceAuthenticator.Admitted;
import dev.anjian.ingest.mqttserver.DeviceAuthenticator.Refused;
import dev.anjian.ingest.mqttserver.DeviceAuthenticator.Verdict;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttVersion;

/**
 * Whether a CONNECT is accepted, and on which terms; a pure function of the packet, the registry and the
 * keep-alive limit. Refused: MQTT 3.1 (only 3.1.1 and 5 are served), MQTT 5 enhanced authentication (AUTH
 * packets are not supported), a 3.1.1 empty client id with a persistent session (the spec's rule), and every
 * failed login (5: 0x86, 3.1.1: 0x04 bad user name or password). Accepted clients get no session: whatever they
 * asked for, the endpoint keeps no state across connections (CONNACK session present 0; MQTT 5 also session
 * expiry 0). Keep-alive: the client's, unless it is 0 (none) or above {@code keepAliveMaxSeconds}; then that max
 * (MQTT 5 is told in Server Keep Alive; a 3.1.1 client cannot be told, it must be configured within the max).
 */
final class ConnectDecision {

    sealed interface Outcome {
    }

    /** {@code serverKeepAlive} non-null when it differs from what the client asked (MQTT 5 CONNACK property). */
    record Accept(Device device, boolean mqtt5, int keepAliveSeconds, Integer serverKeepAlive, String assignedClientId)
            implements Outcome {
    }

    /** {@code reason} is for the log: never the password. */
    record Refuse(MqttConnectReturnCode code, String reason) implements Outcome {
    }

    private ConnectDecision() {
    }

    static Outcome decide(MqttConnectMessage connect, DeviceAuthenticator authenticator, int keepAliveMaxSeconds) {
        MqttVersion version;
        try {
            version = MqttVersion.fromProtocolNameAndLevel(connect.variableHeader().name(),
                    (byte) connect.variableHeader().version());
        } catch (RuntimeException e) {
            return new Refuse(MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION, e.getMessage());
        }
        if (version == MqttVersion.MQTT_3_1) {
            return new Refuse(MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION,
                    "MQTT 3.1 (MQIsdp) is not served, only 3.1.1 and 5");
        }
        boolean mqtt5 = version == MqttVersion.MQTT_5;
        String clientId = connect.payload().clientIdentifier();
        if (mqtt5 && connect.variableHeader().properties()
                .getProperty(MqttProperties.MqttPropertyType.AUTHENTICATION_METHOD.value()) != null) {
            return new Refuse(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_AUTHENTICATION_METHOD,
                    "enhanced authentication (AUTH) is not supported; use username and password");
        }
        if (!mqtt5 && clientId.isEmpty() && !connect.variableHeader().isCleanSession()) {
            return new Refuse(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED,
                    "empty client id with clean session 0");
        }
        Verdict verdict = authenticator.authenticate(
                connect.variableHeader().hasUserName() ? connect.payload().userName() : null,
                connect.variableHeader().hasPassword() ? connect.payload().passwordInBytes() : null);
        if (verdict instanceof Refused refused) {
            return new Refuse(mqtt5 ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                    : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD, refused.reason());
        }
        Device device = ((Admitted) verdict).device();
        int asked = connect.variableHeader().keepAliveTimeSeconds();
        int keepAlive = asked == 0 || asked > keepAliveMaxSeconds ? keepAliveMaxSeconds : asked;
        return new Accept(device, mqtt5, keepAlive, mqtt5 && keepAlive != asked ? keepAlive : null,
                mqtt5 && clientId.isEmpty() ? device.deviceId() : null);
    }
}
