package dev.anjian.ingest.mqttserver;

import static dev.anjian.ingest.mqttserver.EndpointFixture.WAIT_MILLIS;
import static dev.anjian.ingest.mqttserver.TestDevices.DUST;
import static dev.anjian.ingest.mqttserver.TestDevices.GAS;
import static dev.anjian.ingest.mqttserver.TestDevices.NH3;
import static dev.anjian.ingest.mqttserver.TestDevices.password;
import static dev.anjian.ingest.mqttserver.TestDevices.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.anjian.common.testing.TopicReader;
import dev.anjian.events.Connectivity;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.EventJson;
import dev.anjian.ingest.mqttserver.RawMqttClient.Packet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;

/**
 * The endpoint reports each authenticated connection on device-events like the JT/T 808 gateway: CONNECTED, the
 * device's readings, then exactly one DISCONNECTED saying why, in that order on the device's partition. Real
 * Kafka, real sockets (Paho v5 and 3.1.1 devices, and raw ones for what a library does not do). Each device's
 * events are asserted as one exact sequence of lines, e.g. {@code DISCONNECTED: keep-alive expired: ...}.
 */
class MqttEndpointConnectivityIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String GATEWAY = "it-ingest-7";
    private static final byte[] CH4 = "{\"metrics\":{\"CH4\":0.5}}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CH4_O2 = "{\"metrics\":{\"CH4\":0.6,\"O2\":20.9}}".getBytes(StandardCharsets.UTF_8);
    private static final String BY_DEVICE_V5 = "DISCONNECTED: DISCONNECT from the device, reason code 0x00 (normal disconnect)";
    private static final String CLOSED = "DISCONNECTED: connection closed by the device without DISCONNECT";

    private static EndpointFixture endpoint() {
        return new EndpointFixture(Map.of("mqtt.client-id", GATEWAY));
    }

    @Test
    void aDeviceIsConnectedThenItsReadingsThenDisconnectedWhenItSaysDisconnect() throws Exception {
        try (EndpointFixture endpoint = endpoint(); TopicReader<DeviceEvent> events = endpoint.events()) {
            MqttAsyncClient gas = endpoint.mqtt5(GAS, password(GAS));
            MqttEndpointIT.publish5(gas, topic(GAS), CH4_O2, 1);
            MqttEndpointIT.publish5(gas, topic(GAS), CH4, 0);
            gas.disconnect().waitForCompletion(WAIT_MILLIS);
            org.eclipse.paho.client.mqttv3.MqttClient nh3 = endpoint.mqtt311(NH3, password(NH3));
            MqttEndpointIT.publish311(nh3, topic(NH3), CH4, 1);
            nh3.disconnect();

            List<String> gasLines = awaitEnded(events, GAS, 1);
            assertThat(gasLines).hasSize(5);
            assertThat(gasLines.get(0)).startsWith("CONNECTED: authenticated from /127.0.0.1:").endsWith(", MQTT 5");
            assertThat(gasLines.subList(1, 5)).containsExactly("reading CH4", "reading O2", "reading CH4", BY_DEVICE_V5);
            List<String> nh3Lines = awaitEnded(events, NH3, 1);
            assertThat(nh3Lines).hasSize(3);
            assertThat(nh3Lines.get(0)).startsWith("CONNECTED: authenticated from /127.0.0.1:").endsWith(", MQTT 3.1.1");
            assertThat(nh3Lines.subList(1, 3)).containsExactly("reading CH4", "DISCONNECTED: DISCONNECT from the device");

            List<DeviceEvent> connectivity = events.values().stream().filter(e -> e.connectivity() != null).toList();
            assertThat(connectivity).hasSize(4).allSatisfy(e -> {
                assertThat(e.connectivity().gatewayId()).isEqualTo(GATEWAY);
                assertThat(e.eventTime()).isEqualTo(e.receivedAt()).isPositive();
            });
            assertThat(endpoint.counters().connectedEvents()).isEqualTo(2);
            assertThat(endpoint.counters().disconnectedEvents()).isEqualTo(2);
        }
    }

    @Test
    void aDeviceThatStopsPingingIsDisconnectedForItsExpiredKeepAlive() throws Exception {
        try (EndpointFixture endpoint = endpoint(); TopicReader<DeviceEvent> events = endpoint.events();
                RawMqttClient silent = new RawMqttClient(endpoint.port())) {
            connect(silent, GAS, 1);
            assertThat(silent.closedByServer()).isTrue();

            assertThat(awaitEnded(events, GAS, 1)).containsExactly(
                    "CONNECTED: authenticated from " + silent.localAddress() + ", MQTT 3.1.1",
                    "DISCONNECTED: keep-alive expired: nothing received for 1.5 s (1.5 x the keep-alive of 1 s)");
        }
    }

    @Test
    void aConnectionClosedOrResetWithoutDisconnectIsDisconnectedForThatReason() throws Exception {
        try (EndpointFixture endpoint = endpoint(); TopicReader<DeviceEvent> events = endpoint.events();
                RawMqttClient closing = new RawMqttClient(endpoint.port());
                RawMqttClient resetting = new RawMqttClient(endpoint.port())) {
            connect(closing, GAS, 60);
            closing.send(RawMqttClient.publish(topic(GAS), 1, 1, CH4));
            assertThat(closing.read().type()).isEqualTo(RawMqttClient.PUBACK);
            String closingFrom = closing.localAddress();
            closing.close();
            connect(resetting, NH3, 60);
            String resettingFrom = resetting.localAddress();
            resetting.reset();

            assertThat(awaitEnded(events, GAS, 1)).containsExactly(
                    "CONNECTED: authenticated from " + closingFrom + ", MQTT 3.1.1", "reading CH4", CLOSED);
            List<String> nh3Lines = awaitEnded(events, NH3, 1);
            assertThat(nh3Lines).hasSize(2);
            assertThat(nh3Lines.get(0)).isEqualTo("CONNECTED: authenticated from " + resettingFrom + ", MQTT 3.1.1");
            assertThat(nh3Lines.get(1)).startsWith("DISCONNECTED: connection lost without DISCONNECT: ")
                    .containsIgnoringCase("reset");
        }
    }

    @Test
    void aNewConnectionOfTheDeviceTakesOverAndTheOldOnesDisconnectedComesBeforeItsConnected() throws Exception {
        try (EndpointFixture endpoint = endpoint(); TopicReader<DeviceEvent> events = endpoint.events();
                RawMqttClient second = new RawMqttClient(endpoint.port())) {
            MqttAsyncClient first = endpoint.mqtt5(GAS, password(GAS));
            MqttEndpointIT.publish5(first, topic(GAS), CH4, 1);
            connect(second, GAS, 60);
            await().atMost(TIMEOUT).until(() -> !first.isConnected());
            second.send(RawMqttClient.publish(topic(GAS), 1, 1, CH4));
            assertThat(second.read().type()).isEqualTo(RawMqttClient.PUBACK);
            second.send(RawMqttClient.DISCONNECT);
            assertThat(second.closedByServer()).isTrue();

            List<String> lines = awaitEnded(events, GAS, 2);
            assertThat(lines).hasSize(6);
            assertThat(lines.get(0)).startsWith("CONNECTED: authenticated from /127.0.0.1:").endsWith(", MQTT 5");
            assertThat(lines.subList(1, 6)).containsExactly("reading CH4",
                    "DISCONNECTED: taken over by a new connection from " + second.localAddress(),
                    "CONNECTED: authenticated from " + second.localAddress() + ", MQTT 3.1.1", "reading CH4",
                    "DISCONNECTED: DISCONNECT from the device");
        }
    }

    @Test
    void racingConnectionsOfOneDeviceAlternateConnectedAndDisconnectedOnePerConnection() throws Exception {
        int threads = 3;
        int connectsEach = 4;
        List<RawMqttClient> clients = new CopyOnWriteArrayList<>();
        ExecutorService racing = Executors.newFixedThreadPool(threads); // not the common pool: 1 thread on 2 cores
        try (EndpointFixture endpoint = endpoint(); TopicReader<DeviceEvent> events = endpoint.events()) {
            CompletableFuture<?>[] racers = IntStream.range(0, threads).mapToObj(t -> CompletableFuture.runAsync(() -> {
                for (int i = 0; i < connectsEach; i++) {
                    try {
                        RawMqttClient client = new RawMqttClient(endpoint.port());
                        clients.add(client);
                        connect(client, NH3, 60);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, racing)).toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(racers).get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            int connects = threads * connectsEach;
            // A CONNACK goes out just before its connection is bound: wait for the last binding, so that every
            // connection but the last one was taken over before the clients close.
            await().atMost(TIMEOUT).until(() -> endpoint.counters().connectedEvents() == connects);
            for (RawMqttClient client : clients) {
                client.close();
            }

            List<String> lines = awaitEnded(events, NH3, connects);
            assertThat(lines).hasSize(2 * connects);
            for (int i = 0; i < connects; i++) {
                assertThat(lines.get(2 * i)).as("line %d", 2 * i).startsWith("CONNECTED: authenticated from ");
                assertThat(lines.get(2 * i + 1)).as("line %d", 2 * i + 1).startsWith("DISCONNECTED: ");
                if (i + 1 < connects) { // each was taken over by the next one to connect
                    String next = lines.get(2 * i + 2).substring("CONNECTED: authenticated from ".length())
                            .replace(", MQTT 3.1.1", "");
                    assertThat(lines.get(2 * i + 1)).isEqualTo("DISCONNECTED: taken over by a new connection from " + next);
                }
            }
            assertThat(lines.get(2 * connects - 1)).isEqualTo(CLOSED);
        } finally {
            racing.shutdownNow();
            for (RawMqttClient client : clients) {
                client.close();
            }
        }
    }

    @Test
    void refusedLoginsReportNoConnectivity() throws Exception {
        try (EndpointFixture endpoint = endpoint(); TopicReader<DeviceEvent> events = endpoint.events()) {
            for (String[] login : new String[][] {{GAS, "wrong"}, {"NOBODY", password(GAS)}, {DUST, password(DUST)}}) {
                assertThat(catchThrowableOfType(MqttException.class, () -> endpoint.mqtt5(login[0], login[1]))
                        .getReasonCode()).isEqualTo(0x86);
            }
            // A device logging in after them: once its events are in, theirs would be too.
            endpoint.mqtt5(NH3, password(NH3)).disconnect().waitForCompletion(WAIT_MILLIS);

            assertThat(awaitEnded(events, NH3, 1)).hasSize(2);
            assertThat(events.records()).extracting(ConsumerRecord::key).containsOnly(NH3);
            assertThat(endpoint.counters().connectsRefused()).isEqualTo(3);
            assertThat(endpoint.counters().connectedEvents()).isEqualTo(1);
        }
    }

    @Test
    void aProtocolViolationARegistryTombstoneAndTheEndpointStoppingEachDisconnectWithTheirReason() throws Exception {
        try (EndpointFixture endpoint = endpoint(); TopicReader<DeviceEvent> events = endpoint.events()) {
            MqttAsyncClient gas = endpoint.mqtt5(GAS, password(GAS));
            TestDevices.tombstone(endpoint.kafka, endpoint.topics.deviceRegistry(), GAS);
            await().atMost(TIMEOUT).until(() -> !gas.isConnected());

            org.eclipse.paho.client.mqttv3.MqttClient nh3 = endpoint.mqtt311(NH3, password(NH3));
            catchThrowableOfType(org.eclipse.paho.client.mqttv3.MqttException.class,
                    () -> MqttEndpointIT.publish311(nh3, topic(NH3), CH4, 2));
            await().atMost(TIMEOUT).until(() -> !nh3.isConnected());
            MqttAsyncClient nh3Again = endpoint.mqtt5(NH3, password(NH3));
            MqttMessage reading = new MqttMessage(CH4);
            reading.setQos(1);
            nh3Again.publish(topic(NH3), reading).waitForCompletion(WAIT_MILLIS);
            endpoint.endpoint.close();

            List<String> gasLines = awaitEnded(events, GAS, 1);
            assertThat(gasLines).hasSize(2);
            assertThat(gasLines.get(1)).isEqualTo("DISCONNECTED: removed from the registry");
            List<String> nh3Lines = awaitEnded(events, NH3, 2);
            assertThat(nh3Lines).hasSize(5);
            assertThat(nh3Lines.get(0)).endsWith(", MQTT 3.1.1");
            assertThat(nh3Lines.subList(1, 5)).containsExactly("DISCONNECTED: QoS 2 is not supported (maximum QoS 1)",
                    nh3Lines.get(2), "reading CH4", "DISCONNECTED: endpoint stopping");
            assertThat(nh3Lines.get(2)).startsWith("CONNECTED: ").endsWith(", MQTT 5");
            assertThat(endpoint.counters().connectedEvents()).isEqualTo(3);
            assertThat(endpoint.counters().disconnectedEvents()).isEqualTo(3);
        }
    }

    /**
     * The device's events as lines, once {@code disconnects} DISCONNECTED events of it arrived: all on one
     * partition (so their order is Kafka's order for it), e.g. {@code CONNECTED: authenticated from ...},
     * {@code reading CH4}, {@code DISCONNECTED: keep-alive expired: ...}.
     */
    private static List<String> awaitEnded(TopicReader<DeviceEvent> events, String deviceId, int disconnects) {
        await().atMost(TIMEOUT).until(() -> lines(events, deviceId).stream()
                .filter(line -> line.startsWith("DISCONNECTED")).count() >= disconnects);
        List<ConsumerRecord<String, byte[]>> records = events.records().stream()
                .filter(r -> r.key().equals(deviceId)).toList();
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
        return lines(events, deviceId);
    }

    private static List<String> lines(TopicReader<DeviceEvent> events, String deviceId) {
        List<String> lines = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : events.records()) {
            DeviceEvent event = EventJson.read(record.value(), DeviceEvent.class);
            if (!record.key().equals(deviceId)) {
                continue;
            }
            assertThat(event.deviceId()).isEqualTo(deviceId);
            Connectivity connectivity = event.connectivity();
            lines.add(connectivity == null ? "reading " + event.reading().metric()
                    : connectivity.state() + ": " + connectivity.reason());
        }
        return lines;
    }

    /** CONNECT (3.1.1) as {@code deviceId}, asserting the CONNACK accepts it. */
    private static void connect(RawMqttClient client, String deviceId, int keepAliveSeconds) throws IOException {
        client.send(RawMqttClient.connect("raw-" + deviceId, deviceId, password(deviceId), keepAliveSeconds));
        Packet connack = client.read();
        assertThat(connack.type()).isEqualTo(RawMqttClient.CONNACK);
        assertThat(connack.body()).containsExactly(0, 0);
    }
}
