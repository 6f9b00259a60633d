package dev.anjian.ingest.mqttserver;

import static dev.anjian.ingest.mqttserver.TestDevices.GAS;
import static dev.anjian.ingest.mqttserver.TestDevices.NH3;
import static dev.anjian.ingest.mqttserver.TestDevices.topic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.ingest.mqtt.TelemetryParseResult;
import dev.anjian.ingest.mqtt.TelemetryPayloadParser;
import dev.anjian.ingest.mqttserver.PublishRules.Readings;
import dev.anjian.ingest.mqttserver.PublishRules.Rejected;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PublishRulesTest {

    private static final long NOW = 1_795_939_200_000L;
    private static final byte[] GOOD = "{\"ts\":1795939200000,\"metrics\":{\"CH4\":0.42,\"O2\":20.9}}"
            .getBytes(StandardCharsets.UTF_8);
    private final PublishGrant grant = PublishGrant.of(TestDevices.withCredential(GAS));

    private PublishRules.Outcome triage(String topic, MqttQoS qos, byte[] payload, boolean mqtt5) {
        return PublishRules.triage(grant, topic, qos, payload, NOW, mqtt5, 1024);
    }

    @Test
    void aGoodMessageOnTheOwnTopicBecomesExactlyTheBridgesEvents() {
        TelemetryParseResult bridge = TelemetryPayloadParser.parse(topic(GAS), GOOD, NOW, 1024);

        for (boolean mqtt5 : new boolean[] {true, false}) {
            for (MqttQoS qos : new MqttQoS[] {MqttQoS.AT_MOST_ONCE, MqttQoS.AT_LEAST_ONCE}) {
                assertThat(triage(topic(GAS), qos, GOOD, mqtt5))
                        .isEqualTo(new Readings(((TelemetryParseResult.Readings) bridge).events()));
            }
        }
    }

    @Test
    void anotherDevicesTopicIsNotAuthorizedAndCloses311Connections() {
        Rejected v5 = (Rejected) triage(topic(NH3), MqttQoS.AT_LEAST_ONCE, GOOD, true);
        assertThat(v5.unauthorized()).isTrue();
        assertThat(v5.pubAckReason()).isEqualTo(MqttReasonCodes.PubAck.NOT_AUTHORIZED.byteValue());
        assertThat(v5.closing()).isNull();
        assertThat(v5.reason()).startsWith("not authorized: device '" + GAS + "' may publish only to");

        Rejected v311 = (Rejected) triage(topic(NH3), MqttQoS.AT_LEAST_ONCE, GOOD, false);
        assertThat(v311.closing().reasonCode()).isEqualTo(MqttReasonCodes.Disconnect.NOT_AUTHORIZED);
        assertThat(v311.closing().reason()).endsWith("(MQTT 3.1.1 has no negative PUBACK)");
    }

    @Test
    void anInvalidPayloadIsRejectedWithTheParsersReason() {
        Rejected rejected = (Rejected) triage(topic(GAS), MqttQoS.AT_LEAST_ONCE,
                "{\"metrics\":{\"CH4\":\"0.42\"}}".getBytes(StandardCharsets.UTF_8), true);
        assertThat(rejected.reason()).isEqualTo("metric 'CH4': value must be a finite number, was \"0.42\"");
        assertThat(rejected.pubAckReason()).isEqualTo(MqttReasonCodes.PubAck.PAYLOAD_FORMAT_INVALID.byteValue());
        assertThat(rejected.closing()).isNull();
        assertThat(((Rejected) triage(topic(GAS), MqttQoS.AT_MOST_ONCE, new byte[2000], false)).reason())
                .isEqualTo("payload of 2000 bytes exceeds the limit of 1024");
    }

    @Test
    void qos2IsRejectedAndClosesEvenOnTheOwnTopic() {
        Rejected rejected = (Rejected) triage(topic(GAS), MqttQoS.EXACTLY_ONCE, GOOD, true);
        assertThat(rejected.reason()).isEqualTo("QoS 2 is not supported (maximum QoS 1)");
        assertThat(rejected.closing().reasonCode()).isEqualTo(MqttReasonCodes.Disconnect.QOS_NOT_SUPPORTED);
    }
}
