package dev.anjian.ingest.mqttserver;

import static dev.anjian.ingest.mqttserver.EndpointFixture.WAIT_MILLIS;
import static dev.anjian.ingest.mqttserver.EndpointFixture.readings;
import static dev.anjian.ingest.mqttserver.TestDevices.DUST;
import static dev.anjian.ingest.mqttserver.TestDevices.GAS;
import static dev.anjian.ingest.mqttserver.TestDevices.NH3;
import static dev.anjian.ingest.mqttserver.TestDevices.password;
import static dev.anjian.ingest.mqttserver.TestDevices.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.anjian.common.testing.TopicReader;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.EventJson;
import dev.anjian.events.MqttCredential;
import dev.anjian.ingest.mqtt.TelemetryParseResult;
import dev.anjian.ingest.mqtt.TelemetryPayloadParser;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;

/** Devices with Paho v5 and v3.1.1 clients over real TCP, the real Kafka and registry topic of the test stack. */
class MqttEndpointIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final byte[] TWO_METRICS = utf8("{\"ts\":1795939200000,\"metrics\":{\"CH4\":0.42,\"O2\":20.9}}");
    private static final byte[] CHINA_TIME = utf8("{\"ts\":\"2026-11-29 16:00:01\",\"quality\":\"calibrating\","
            + "\"metrics\":{\"NH3\":{\"value\":3,\"unit\":\"ppm\"}}}");
    private static final byte[] NO_TS = utf8("{\"metrics\":{\"CO\":5}}");

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static IMqttToken publish5(MqttAsyncClient client, String topic, byte[] payload, int qos) throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(qos);
        IMqttToken token = client.publish(topic, message);
        token.waitForCompletion(WAIT_MILLIS);
        return token;
    }

    static void publish311(org.eclipse.paho.client.mqttv3.MqttClient client, String topic, byte[] payload, int qos)
            throws org.eclipse.paho.client.mqttv3.MqttException {
        client.publish(topic, payload, qos, false); // QoS 1: returns once the PUBACK arrived
    }

    /** What the bridge makes of the same message, received at the same moment. */
    private static List<DeviceEvent> bridgeEvents(String topic, byte[] payload, long receivedAt) {
        return ((TelemetryParseResult.Readings) TelemetryPayloadParser.parse(topic, payload, receivedAt, 65_536)).events();
    }

    @Test
    void readingsOfMqtt5And311DevicesBecomeTheBridgesCanonicalEventsKeyedByDevice() throws Exception {
        try (EndpointFixture endpoint = new EndpointFixture(Map.of());
                TopicReader<DeviceEvent> events = endpoint.events()) {
            MqttAsyncClient gas = endpoint.mqtt5(GAS, password(GAS));
            org.eclipse.paho.client.mqttv3.MqttClient nh3 = endpoint.mqtt311(NH3, password(NH3));
            assertThat(publish5(gas, topic(GAS), TWO_METRICS, 1).getReasonCodes()).containsExactly(0);
            publish311(nh3, topic(NH3), CHINA_TIME, 1);
            publish5(gas, topic(GAS), NO_TS, 0);

            List<DeviceEvent> seen = readings(events.awaitValues(v -> readings(v).size() >= 4, TIMEOUT));
            List<DeviceEvent> expected = new ArrayList<>();
            long gasAt = seen.stream().filter(e -> e.reading().metric().equals("CH4")).findFirst().orElseThrow().receivedAt();
            expected.addAll(bridgeEvents(topic(GAS), TWO_METRICS, gasAt));
            expected.addAll(bridgeEvents(topic(NH3), CHINA_TIME, at(seen, "NH3")));
            expected.addAll(bridgeEvents(topic(GAS), NO_TS, at(seen, "CO")));
            assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(seen).extracting(DeviceEvent::enterpriseId).containsOnly(TestDevices.ENTERPRISE);
            assertThat(events.records()).filteredOn(r -> EventJson.read(r.value(), DeviceEvent.class).reading() != null)
                    .extracting(ConsumerRecord::key).containsExactlyInAnyOrder(GAS, GAS, NH3, GAS);
            assertThat(endpoint.counters().messages()).isEqualTo(3);
            assertThat(endpoint.counters().acked()).isEqualTo(2);
            assertThat(endpoint.server().connectedDevices()).isEqualTo(2);
            gas.disconnect().waitForCompletion(WAIT_MILLIS);
            nh3.disconnect();
            await().atMost(TIMEOUT).until(() -> endpoint.counters().openConnections() == 0);
            assertThat(endpoint.server().connectedDevices()).isZero();
        }
    }

    private static long at(List<DeviceEvent> seen, String metric) {
        return seen.stream().filter(e -> e.reading().metric().equals(metric)).findFirst().orElseThrow().receivedAt();
    }

    @Test
    void wrongPasswordsUnknownDevicesAndDevicesWithoutCredentialAreRefused() {
        try (EndpointFixture endpoint = new EndpointFixture(Map.of())) {
            for (String[] login : new String[][] {{GAS, "wrong"}, {"NOBODY", password(GAS)}, {DUST, password(DUST)},
                    {NH3, password(GAS)}}) {
                MqttException refused5 = catchThrowableOfType(MqttException.class, () -> endpoint.mqtt5(login[0], login[1]));
                assertThat(refused5.getReasonCode()).as("MQTT 5 %s", login[0]).isEqualTo(0x86);
                var refused311 = catchThrowableOfType(org.eclipse.paho.client.mqttv3.MqttException.class,
                        () -> endpoint.mqtt311(login[0], login[1]));
                assertThat(refused311.getReasonCode()).as("MQTT 3.1.1 %s", login[0])
                        .isEqualTo((int) org.eclipse.paho.client.mqttv3.MqttException.REASON_CODE_FAILED_AUTHENTICATION);
            }
            assertThat(endpoint.counters().connectsRefused()).isEqualTo(8);
            assertThat(endpoint.counters().connectsAccepted()).isZero();
            await().atMost(TIMEOUT).until(() -> endpoint.counters().openConnections() == 0);
        }
    }

    @Test
    void publishingToAnotherDevicesTopicIsDeadLetteredAndRefused() throws Exception {
        byte[] forged = utf8("{\"metrics\":{\"NH3\":99}}");
        try (EndpointFixture endpoint = new EndpointFixture(Map.of());
                TopicReader<DeadLetter> letters = endpoint.deadLetters();
                TopicReader<DeviceEvent> events = endpoint.events()) {
            MqttAsyncClient gas5 = endpoint.mqtt5(GAS, password(GAS));
            assertThat(publish5(gas5, topic(NH3), forged, 1).getReasonCodes()).containsExactly(0x87);
            assertThat(gas5.isConnected()).isTrue();
            org.eclipse.paho.client.mqttv3.MqttClient gas311 = endpoint.mqtt311(GAS, password(GAS)); // takes over
            var closed = catchThrowableOfType(org.eclipse.paho.client.mqttv3.MqttException.class,
                    () -> publish311(gas311, "anjian/telemetry/E-OTHER/" + GAS, forged, 1));
            assertThat(closed.getReasonCode())
                    .isEqualTo((int) org.eclipse.paho.client.mqttv3.MqttException.REASON_CODE_CONNECTION_LOST);

            List<DeadLetter> seen = letters.awaitValues(v -> v.size() >= 2, TIMEOUT);
            assertThat(seen).extracting(DeadLetter::source).containsOnly("mqtt-endpoint");
            assertThat(seen).extracting(DeadLetter::origin).containsExactly(topic(NH3), "anjian/telemetry/E-OTHER/" + GAS);
            assertThat(seen).allSatisfy(letter -> {
                assertThat(letter.reason()).startsWith("not authorized: device '" + GAS + "' may publish only to '"
                        + topic(GAS) + "'");
                assertThat(letter.raw()).isEqualTo(forged);
            });
            assertThat(letters.records()).extracting(ConsumerRecord::key).containsOnly("mqtt-endpoint");
            assertThat(endpoint.counters().unauthorized()).isEqualTo(2);
            // Nothing forged reached device-events: the next event there is the device's own.
            MqttAsyncClient again = endpoint.mqtt5(GAS, password(GAS));
            publish5(again, topic(GAS), NO_TS, 1);
            assertThat(readings(events.awaitValues(v -> !readings(v).isEmpty(), TIMEOUT))).extracting(DeviceEvent::deviceId)
                    .containsExactly(GAS);
        }
    }

    @Test
    void invalidPayloadsAreDeadLetteredWithTheBridgesReasonAndTheConnectionGoesOn() throws Exception {
        byte[] notJson = utf8("{\"metrics\":{\"CH4\":");
        byte[] textValue = utf8("{\"metrics\":{\"CH4\":\"0.42\"}}");
        try (EndpointFixture endpoint = new EndpointFixture(Map.of());
                TopicReader<DeadLetter> letters = endpoint.deadLetters();
                TopicReader<DeviceEvent> events = endpoint.events()) {
            MqttAsyncClient gas = endpoint.mqtt5(GAS, password(GAS));
            org.eclipse.paho.client.mqttv3.MqttClient nh3 = endpoint.mqtt311(NH3, password(NH3));
            assertThat(publish5(gas, topic(GAS), notJson, 1).getReasonCodes()).containsExactly(0x99);
            publish311(nh3, topic(NH3), textValue, 1); // 3.1.1: a plain PUBACK, the message is in dead-letter
            publish311(nh3, topic(NH3), NO_TS, 1);

            List<DeadLetter> seen = letters.awaitValues(v -> v.size() >= 2, TIMEOUT);
            assertThat(seen).extracting(DeadLetter::origin).containsExactlyInAnyOrder(topic(GAS), topic(NH3));
            DeadLetter json = seen.stream().filter(l -> l.origin().equals(topic(GAS))).findFirst().orElseThrow();
            assertThat(json.reason()).startsWith("payload is not valid UTF-8 JSON");
            assertThat(json.raw()).isEqualTo(notJson);
            DeadLetter text = seen.stream().filter(l -> l.origin().equals(topic(NH3))).findFirst().orElseThrow();
            assertThat(text.reason()).isEqualTo("metric 'CH4': value must be a finite number, was \"0.42\"");
            assertThat(readings(events.awaitValues(v -> !readings(v).isEmpty(), TIMEOUT))).extracting(DeviceEvent::deviceId)
                    .containsExactly(NH3);
            assertThat(endpoint.counters().deadLettered()).isEqualTo(2);
            assertThat(endpoint.counters().acked()).isEqualTo(3);
            assertThat(gas.isConnected()).isTrue();
        }
    }
    @Test
    void qos2PublishesAndSubscriptionsAreRefused() throws Exception {
        try (EndpointFixture endpoint = new EndpointFixture(Map.of());
                TopicReader<DeadLetter> letters = endpoint.deadLetters()) {
            MqttAsyncClient gas = endpoint.mqtt5(GAS, password(GAS));
            // A plain filter: Paho itself refuses wildcards, which the CONNACK said are not available.
            IMqttToken subscribed = gas.subscribe(new MqttSubscription("anjian/commands/" + GAS, 1));
            catchThrowableOfType(MqttException.class, () -> subscribed.waitForCompletion(WAIT_MILLIS));
            assertThat(subscribed.getReasonCodes()).containsExactly(0x87);
            assertThat(gas.isConnected()).isTrue();

            org.eclipse.paho.client.mqttv3.MqttClient nh3 = endpoint.mqtt311(NH3, password(NH3));
            var refused = catchThrowableOfType(org.eclipse.paho.client.mqttv3.MqttException.class,
                    () -> nh3.subscribe("anjian/telemetry/#", 1));
            assertThat(refused.getReasonCode())
                    .isEqualTo((int) org.eclipse.paho.client.mqttv3.MqttException.REASON_CODE_SUBSCRIBE_FAILED);
            catchThrowableOfType(org.eclipse.paho.client.mqttv3.MqttException.class,
                    () -> publish311(nh3, topic(NH3), NO_TS, 2));
            await().atMost(TIMEOUT).until(() -> !nh3.isConnected());

            DeadLetter letter = letters.awaitValues(v -> !v.isEmpty(), TIMEOUT).get(0);
            assertThat(letter.reason()).isEqualTo("QoS 2 is not supported (maximum QoS 1)");
            assertThat(letter.raw()).isEqualTo(NO_TS);
        }
    }

    @Test
    void registryChangesApplyWhileTheEndpointRuns() throws Exception {
        try (EndpointFixture endpoint = new EndpointFixture(Map.of())) {
            MqttAsyncClient gas = endpoint.mqtt5(GAS, password(GAS));
            CompletableFuture<Integer> gasDisconnected = new CompletableFuture<>();
            gas.setCallback(new DisconnectListener(gasDisconnected));
            MqttAsyncClient nh3 = endpoint.mqtt5(NH3, password(NH3));

            // Removed from the registry: its connection is closed, and it cannot come back.
            TestDevices.tombstone(endpoint.kafka, endpoint.topics.deviceRegistry(), GAS);
            assertThat(gasDisconnected.get(30, TimeUnit.SECONDS)).isEqualTo(0x87);
            assertThat(catchThrowableOfType(MqttException.class, () -> endpoint.mqtt5(GAS, password(GAS))).getReasonCode())
                    .isEqualTo(0x86);

            // A new credential applies to the next CONNECT; the open connection goes on meanwhile.
            TestDevices.write(endpoint.kafka, endpoint.topics.deviceRegistry(), List.of(TestDevices.sensor(NH3)
                    .withMqttCredential(MqttCredential.of("a-new-password-42", new SecureRandom()))));
            await().atMost(TIMEOUT).until(() -> endpoint.endpoint.devices().find(NH3).flatMap(Device::credential)
                    .map(c -> c.matches("a-new-password-42")).orElse(false));
            assertThat(publish5(nh3, topic(NH3), NO_TS, 1).getReasonCodes()).containsExactly(0);
            assertThat(catchThrowableOfType(MqttException.class, () -> endpoint.mqtt5(NH3, password(NH3))).getReasonCode())
                    .isEqualTo(0x86);
            assertThat(endpoint.mqtt5(NH3, "a-new-password-42").isConnected()).isTrue();

            // A device registered while the endpoint runs may connect.
            TestDevices.write(endpoint.kafka, endpoint.topics.deviceRegistry(), List.of(TestDevices.withCredential("NEW-1")));
            await().atMost(TIMEOUT).ignoreExceptions().until(() -> endpoint.mqtt5("NEW-1", password("NEW-1")).isConnected());
            assertThat(nh3.isConnected()).isFalse(); // replaced by the CONNECT with the new password (one per device)

            // Stopping, the endpoint tells the devices why.
            MqttAsyncClient last = endpoint.mqtt5("NEW-1", password("NEW-1"));
            CompletableFuture<Integer> lastDisconnected = new CompletableFuture<>();
            last.setCallback(new DisconnectListener(lastDisconnected));
            endpoint.endpoint.close();
            assertThat(lastDisconnected.get(30, TimeUnit.SECONDS)).isEqualTo(0x8B);
        }
    }

    /** Completes with the reason code of the server's DISCONNECT (or the connection loss). */
    private record DisconnectListener(CompletableFuture<Integer> reasonCode) implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            reasonCode.complete(response.getReturnCode());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
