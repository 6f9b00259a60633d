package dev.anjian.ingest.mqttserver;

import static dev.anjian.ingest.mqttserver.EndpointFixture.WAIT_MILLIS;
import static dev.anjian.ingest.mqttserver.TestDevices.GAS;
import static dev.anjian.ingest.mqttserver.TestDevices.NH3;
import static dev.anjian.ingest.mqttserver.TestDevices.password;
import static dev.anjian.ingest.mqttserver.TestDevices.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.anjian.common.testing.TopicReader;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceEvent;
import dev.anjian.ingest.mqttserver.RawMqttClient.Packet;
import io.netty.util.ResourceLeakDetector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;

/**
 * Clients no library would be: raw sockets that stay silent, send garbage, skip CONNECT, announce a 10 MB packet,
 * or stop pinging. Each is closed; the endpoint keeps serving a well-behaved Paho device meanwhile.
 */
class MqttEndpointHostileIT {

    static {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final byte[] READING = "{\"metrics\":{\"NH3\":4}}".getBytes(StandardCharsets.UTF_8);

    private static void publishAndAwaitPubAck(MqttAsyncClient client) throws Exception {
        MqttMessage message = new MqttMessage(READING);
        message.setQos(1);
        IMqttToken token = client.publish(topic(NH3), message);
        token.waitForCompletion(WAIT_MILLIS);
        assertThat(token.getReasonCodes()).containsExactly(0);
    }

    @Test
    void silenceGarbageAndPacketsBeforeConnectAreClosedWhileADeviceIsServed() throws Exception {
        try (EndpointFixture endpoint = new EndpointFixture(Map.of("mqtt-endpoint.connect-timeout", "1s"));
                RawMqttClient silent = new RawMqttClient(endpoint.port());
                RawMqttClient garbage = new RawMqttClient(endpoint.port());
                RawMqttClient publishFirst = new RawMqttClient(endpoint.port());
                RawMqttClient slowloris = new RawMqttClient(endpoint.port())) {
            MqttAsyncClient device = endpoint.mqtt5(NH3, password(NH3));
            garbage.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            publishFirst.send(RawMqttClient.publish(topic(GAS), 1, 1, READING));
            byte[] connect = RawMqttClient.connect("c", GAS, password(GAS), 60);
            slowloris.send(java.util.Arrays.copyOf(connect, connect.length / 2)); // and never the rest

            assertThat(silent.closedByServer()).isTrue();
            assertThat(garbage.closedByServer()).isTrue();
            assertThat(publishFirst.closedByServer()).isTrue();
            assertThat(slowloris.closedByServer()).isTrue();
            assertThat(endpoint.counters().protocolErrors()).isEqualTo(4);
            assertThat(endpoint.counters().messages()).isZero();
            publishAndAwaitPubAck(device);
            assertThat(endpoint.counters().acked()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionSilentForOneAndAHalfKeepAlivesIsClosedWhilePingsKeepAnotherOpen() throws Exception {
        try (EndpointFixture endpoint = new EndpointFixture(Map.of());
                RawMqttClient idle = new RawMqttClient(endpoint.port());
                RawMqttClient pinging = new RawMqttClient(endpoint.port())) {
            connect(idle, GAS, 1);
            connect(pinging, NH3, 1);
            CompletableFuture<Boolean> idleClosed = CompletableFuture.supplyAsync(idle::closedByServer);

            // Pings at most 50 ms apart (paced by waiting for the idle one to be closed), bounded in count.
            for (int i = 0; i < 2_000 && !idleClosed.isDone(); i++) {
                ping(pinging);
                try {
                    idleClosed.get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillOpen) {
                    // ping again
                }
            }
            assertThat(idleClosed.get(30, TimeUnit.SECONDS)).isTrue();
            ping(pinging); // still served
            assertThat(endpoint.counters().keepAliveTimeouts()).isEqualTo(1);
        }
    }

    @Test
    void anOversizedPacketClosesOnlyItsConnectionWithoutBeingBuffered() throws Exception {
        try (EndpointFixture endpoint = new EndpointFixture(Map.of("mqtt.max-payload-bytes", "1024"));
                TopicReader<DeadLetter> letters = endpoint.deadLetters();
                TopicReader<DeviceEvent> events = endpoint.events();
                RawMqttClient hostile = new RawMqttClient(endpoint.port())) {
            MqttAsyncClient device = endpoint.mqtt5(NH3, password(NH3));
            publishAndAwaitPubAck(device);
            connect(hostile, GAS, 60);

            hostile.send(RawMqttClient.publishHeader(topic(GAS), 7, 10_000_000));
            long sent = 0;
            try {
                for (byte[] chunk = new byte[65_536]; sent < 10_000_000; sent += chunk.length) {
                    hostile.send(chunk);
                }
            } catch (IOException closedUnderUs) {
                // the endpoint closed the connection before the 10 MB were through
            }
            assertThat(hostile.closedByServer()).isTrue();

            publishAndAwaitPubAck(device); // the other device is served on
            assertThat(EndpointFixture.readings(events.awaitValues(v -> EndpointFixture.readings(v).size() == 2, TIMEOUT)))
                    .extracting(DeviceEvent::deviceId).containsOnly(NH3);
            DeadLetter letter = letters.awaitValues(v -> !v.isEmpty(), TIMEOUT).get(0);
            assertThat(letter.origin()).isEqualTo(topic(GAS));
            assertThat(letter.reason()).startsWith("a PUBLISH of " + (2 + topic(GAS).length() + 2 + 10_000_000)
                    + " bytes exceeds the limit of 2048 (mqtt.max-payload-bytes + 1024)");
            assertThat(letter.rawLength()).isZero();
            assertThat(endpoint.counters().oversized()).isEqualTo(1);
        }
    }

    @Test
    void aPayloadOverTheLimitButWithinTheHeaderRoomIsDeadLetteredAndAcknowledged() throws Exception {
        byte[] large = ("{\"metrics\":{\"CH4\":1},\"pad\":\"" + "x".repeat(1500) + "\"}").getBytes(StandardCharsets.UTF_8);
        try (EndpointFixture endpoint = new EndpointFixture(Map.of("mqtt.max-payload-bytes", "1024"));
                TopicReader<DeadLetter> letters = endpoint.deadLetters()) {
            org.eclipse.paho.client.mqttv3.MqttClient gas = endpoint.mqtt311(GAS, password(GAS));
            gas.publish(topic(GAS), large, 1, false); // returns with the PUBACK

            DeadLetter letter = letters.awaitValues(v -> !v.isEmpty(), TIMEOUT).get(0);
            assertThat(letter.reason()).isEqualTo("payload of " + large.length + " bytes exceeds the limit of 1024");
            assertThat(letter.raw()).isEqualTo(large);
            assertThat(gas.isConnected()).isTrue();
        }
    }

    @Test
    void beyondMaxConnectionsANewConnectionIsClosedAtOnce() throws Exception {
        try (EndpointFixture endpoint = new EndpointFixture(Map.of("mqtt-endpoint.max-connections", "2"));
                RawMqttClient first = new RawMqttClient(endpoint.port());
                RawMqttClient second = new RawMqttClient(endpoint.port())) {
            await().atMost(TIMEOUT).until(() -> endpoint.counters().openConnections() == 2);
            try (RawMqttClient third = new RawMqttClient(endpoint.port())) {
                assertThat(third.closedByServer()).isTrue();
            }
            assertThat(endpoint.counters().refusedOverLimit()).isEqualTo(1);
            connect(first, GAS, 60); // the two admitted ones are served
            connect(second, NH3, 60);
        }
    }

    /** CONNECT (3.1.1) as {@code deviceId}, asserting the CONNACK accepts it. */
    private static void connect(RawMqttClient client, String deviceId, int keepAliveSeconds) throws IOException {
        client.send(RawMqttClient.connect("raw-" + deviceId, deviceId, password(deviceId), keepAliveSeconds));
        Packet connack = client.read();
        assertThat(connack.type()).isEqualTo(RawMqttClient.CONNACK);
        assertThat(connack.body()).containsExactly(0, 0); // no session present, accepted
    }

    private static void ping(RawMqttClient client) throws IOException {
        client.send(RawMqttClient.PINGREQ);
        Packet pong = client.read();
        assertThat(pong.type()).isEqualTo(RawMqttClient.PINGRESP);
        assertThat(pong.body()).isEmpty();
    }
}
