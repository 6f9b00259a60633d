package dev.anjian.ingest.mqttserver;

import static dev.anjian.ingest.mqttserver.TestDevices.GAS;
import static dev.anjian.ingest.mqttserver.TestDevices.password;
import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.ingest.mqttserver.ConnectDecision.Accept;
import dev.anjian.ingest.mqttserver.ConnectDecision.Refuse;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** CONNECT packets as netty-codec-mqtt decodes them, against the test registry; keep-alive max 300 s. */
class ConnectDecisionTest {

    private static final int MAX = 300;
    private final DeviceAuthenticator authenticator = new DeviceAuthenticator(DeviceDirectory.of(TestDevices.registry()));

    private static MqttMessageBuilders.ConnectBuilder connect(MqttVersion version, String password, int keepAlive) {
        return MqttMessageBuilders.connect().protocolVersion(version).clientId("dev-1").cleanSession(true)
                .keepAlive(keepAlive).hasUser(true).username(GAS).hasPassword(password != null)
                .password(password == null ? null : password.getBytes(StandardCharsets.UTF_8));
    }

    private ConnectDecision.Outcome decide(MqttConnectMessage connect) {
        return ConnectDecision.decide(connect, authenticator, MAX);
    }

    @Test
    void rightCredentialsAreAcceptedWithTheClientsKeepAliveWhenWithinTheMax() {
        assertThat(decide(connect(MqttVersion.MQTT_3_1_1, password(GAS), 60).build())).isInstanceOfSatisfying(Accept.class,
                a -> {
                    assertThat(a.device().deviceId()).isEqualTo(GAS);
                    assertThat(a.mqtt5()).isFalse();
                    assertThat(a.keepAliveSeconds()).isEqualTo(60);
                    assertThat(a.serverKeepAlive()).isNull();
                    assertThat(a.assignedClientId()).isNull();
                });
        assertThat(decide(connect(MqttVersion.MQTT_5, password(GAS), 60).build())).isInstanceOfSatisfying(Accept.class,
                a -> assertThat(a.mqtt5()).isTrue());
    }

    @Test
    void noKeepAliveOrALongerOneGetsTheMaxWhichMqtt5IsTold() {
        Accept none = (Accept) decide(connect(MqttVersion.MQTT_5, password(GAS), 0).build());
        assertThat(none.keepAliveSeconds()).isEqualTo(MAX);
        assertThat(none.serverKeepAlive()).isEqualTo(MAX);
        Accept tooLong = (Accept) decide(connect(MqttVersion.MQTT_3_1_1, password(GAS), 3600).build());
        assertThat(tooLong.keepAliveSeconds()).isEqualTo(MAX);
        assertThat(tooLong.serverKeepAlive()).isNull(); // 3.1.1 has no way to say it
    }

    @Test
    void anMqtt5ClientWithoutClientIdIsAssignedItsDeviceId() {
        Accept accept = (Accept) decide(connect(MqttVersion.MQTT_5, password(GAS), 60).clientId("").build());
        assertThat(accept.assignedClientId()).isEqualTo(GAS);
    }

    @Test
    void badLoginsAreRefusedWithTheCodeOfTheirVersion() {
        assertThat(decide(connect(MqttVersion.MQTT_5, "wrong", 60).build())).isEqualTo(new Refuse(
                MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD, "wrong password for device '" + GAS + "'"));
        assertThat(decide(connect(MqttVersion.MQTT_3_1_1, "wrong", 60).build())).isEqualTo(new Refuse(
                MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD, "wrong password for device '" + GAS + "'"));
        assertThat(((Refuse) decide(connect(MqttVersion.MQTT_3_1_1, null, 60).build())).code())
                .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
        assertThat(((Refuse) decide(connect(MqttVersion.MQTT_3_1_1, password(GAS), 60).hasUser(false).build()))
                .reason()).isEqualTo("no username (it must be the device id)");
    }

    @Test
    void unsupportedProtocolFeaturesAreRefused() {
        assertThat(((Refuse) decide(connect(MqttVersion.MQTT_3_1, password(GAS), 60).build())).code())
                .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION);
        MqttProperties enhancedAuth = new MqttProperties();
        enhancedAuth.add(new MqttProperties.StringProperty(MqttProperties.MqttPropertyType.AUTHENTICATION_METHOD.value(),
                "SCRAM-SHA-1"));
        assertThat(((Refuse) decide(connect(MqttVersion.MQTT_5, password(GAS), 60).properties(enhancedAuth).build()))
                .code()).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_AUTHENTICATION_METHOD);
        assertThat(((Refuse) decide(connect(MqttVersion.MQTT_3_1_1, password(GAS), 60).clientId("").cleanSession(false)
                .build())).code()).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED);
        assertThat(decide(connect(MqttVersion.MQTT_3_1_1, password(GAS), 60).clientId("").build()))
                .isInstanceOf(Accept.class);
    }
}
