package dev.anjian.ingest.jt808;

import static dev.anjian.ingest.jt808.TestGateway.DEVICE;
import static dev.anjian.ingest.jt808.TestGateway.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.common.testing.ItServices;
import dev.anjian.common.testing.TestTopics;
import dev.anjian.common.testing.TopicReader;
import dev.anjian.events.ActiveSafetyEvent;
import dev.anjian.events.Connectivity;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.EventJson;
import dev.anjian.events.Topics;
import dev.anjian.ingest.jt808.codec.BadInput;
import dev.anjian.ingest.jt808.codec.FrameCodec;
import dev.anjian.ingest.jt808.codec.FrameResult;
import dev.anjian.ingest.jt808.codec.Golden;
import dev.anjian.ingest.jt808.message.LocationBatch;
import dev.anjian.ingest.jt808.message.LocationReport;
import dev.anjian.ingest.jt808.message.PlatformResponse;
import dev.anjian.ingest.kafka.EventPublisher;
import io.netty.util.ResourceLeakDetector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway over real TCP into the real Kafka broker, the registry read from its real topic. */
class Jt808ServerIT {

    static {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private String bootstrap;
    private Topics topics;
    private EventPublisher publisher;
    private Jt808Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        bootstrap = ItServices.kafkaBootstrap();
        topics = TestTopics.create(bootstrap, 2);
        try (KafkaProducer<String, byte[]> registry = new KafkaProducer<>(KafkaClients.producer(bootstrap, "it-registry"))) {
            for (var device : List.of(TestGateway.vehicle(DEVICE, PHONE, TestGateway.PLATE),
                    TestGateway.vehicle("HN-ZZ-FL01-V02", "013800000002", "豫A·12346"))) {
                registry.send(new ProducerRecord<>(topics.deviceRegistry(), device.deviceId(), EventJson.write(device))).get();
            }
        }
        publisher = new EventPublisher(bootstrap, "it-jt808", topics);
        Jt808Settings settings = TestGateway.settings(Map.of("kafka.bootstrap", bootstrap, "topic.prefix", topics.prefix()));
        gateway = new Jt808Gateway(settings, publisher).start();
    }

    @AfterEach
    void stop() {
        gateway.close();
        publisher.close();
    }

    @Test
    void stockTerminalRegistersAuthenticatesAndReportsIntoKafka() {
        try (TestTerminal terminal = new TestTerminal(gateway.server().port(), PHONE, false)) {
            terminal.login("豫A12345");
            int s = terminal.send(locationWithItems());
            terminal.expectOk(s);
        }
        try (TopicReader<DeviceEvent> events = new TopicReader<>(bootstrap, topics.deviceEvents(), DeviceEvent.class)) {
            List<DeviceEvent> seen = events.awaitValues(v -> v.size() >= 3, TIMEOUT);
            assertThat(seen).extracting(DeviceEvent::deviceId).containsOnly(DEVICE);
            assertThat(seen).extracting(DeviceEvent::type).containsExactly(DeviceEvent.Type.CONNECTIVITY,
                    DeviceEvent.Type.VEHICLE_LOCATION, DeviceEvent.Type.CONNECTIVITY);
            var location = seen.get(1).location();
            assertThat(location.latitudeDeg()).isEqualTo(34.7466);
            assertThat(location.speedKmh()).isEqualTo(102.5);
            assertThat(location.alarmBits()).isEqualTo(0x802);
            assertThat(location.videoLossChannels()).isEqualTo(5);
            assertThat(location.activeSafety()).extracting(ActiveSafetyEvent::system, ActiveSafetyEvent::flag)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ActiveSafetyEvent.System.ADAS, ActiveSafetyEvent.Flag.START),
                            org.assertj.core.groups.Tuple.tuple(ActiveSafetyEvent.System.DSM, ActiveSafetyEvent.Flag.END));
            assertThat(seen.get(2).connectivity().state()).isEqualTo(Connectivity.State.DISCONNECTED);
            assertThat(events.records()).extracting(r -> r.key()).containsOnly(DEVICE);
        }
    }

    @Test
    void blindAreaResendAfterReconnectIsBackfilled2019() {
        try (TestTerminal terminal = new TestTerminal(gateway.server().port(), "013800000002", true)) {
            terminal.login("豫A12346");
            int s = terminal.send(new LocationBatch(LocationBatch.BLIND_AREA,
                    List.of(Frames.location(0, 500), Frames.location(0, 510), Frames.location(0, 520))));
            terminal.expectOk(s);
        }
        try (TopicReader<DeviceEvent> events = new TopicReader<>(bootstrap, topics.deviceEvents(), DeviceEvent.class)) {
            List<DeviceEvent> locations = events.awaitValues(v -> v.stream().filter(e -> e.location() != null).count() == 3, TIMEOUT)
                    .stream().filter(e -> e.location() != null).toList();
            assertThat(locations).allSatisfy(e -> assertThat(e.backfilled()).isTrue());
            assertThat(locations).extracting(e -> e.location().speedKmh()).containsExactly(50.0, 51.0, 52.0);
        }
    }

    @Test
    void badInputIsDeadLetteredAndAnswered() {
        try (TestTerminal terminal = new TestTerminal(gateway.server().port(), PHONE, false)) {
            terminal.sendRaw(Golden.bytes("7e0002000001380000000100093a7e"));
            assertThat(terminal.receive().message()).isEqualTo(new PlatformResponse(9, 2, PlatformResponse.BAD_MESSAGE));
        }
        try (TopicReader<DeadLetter> letters = new TopicReader<>(bootstrap, topics.deadLetter(), DeadLetter.class)) {
            DeadLetter letter = letters.awaitValues(v -> !v.isEmpty(), TIMEOUT).get(0);
            assertThat(letter.source()).isEqualTo("jt808");
            assertThat(letter.reason()).startsWith(BadInput.BAD_CHECKSUM.name()).contains("7e0002000001380000000100093a7e");
            assertThat(letter.origin()).startsWith("/127.0.0.1:").endsWith("terminal 13800000001");
        }
    }

    @Test
    void reconnectStormLeavesOneSessionPerTerminal() {
        List<TestTerminal> connections = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                TestTerminal t = new TestTerminal(gateway.server().port(), PHONE, i % 2 == 1);
                t.login("豫A12345");
                connections.add(t);
            }
            await().atMost(TIMEOUT).until(() -> gateway.server().counters().openConnections() == 1);
            assertThat(gateway.server().sessions().size()).isEqualTo(1);
            assertThat(gateway.server().counters().sessionsReplaced()).isEqualTo(29);
            TestTerminal last = connections.get(29);
            last.expectOk(last.send(new dev.anjian.ingest.jt808.message.TerminalHeartbeat()));
        } finally {
            connections.forEach(TestTerminal::close);
        }
        await().atMost(TIMEOUT).until(() -> gateway.server().sessions().size() == 0);
        try (TopicReader<DeviceEvent> events = new TopicReader<>(bootstrap, topics.deviceEvents(), DeviceEvent.class)) {
            List<DeviceEvent> seen = events.awaitValues(v -> v.size() >= 60, TIMEOUT);
            assertThat(seen).hasSize(60);
            // Alternating CONNECTED / DISCONNECTED, in order: downstream sees exactly one live session at a time.
            for (int i = 0; i < 60; i++) {
                assertThat(seen.get(i).connectivity().state()).isEqualTo(
                        i % 2 == 0 ? Connectivity.State.CONNECTED : Connectivity.State.DISCONNECTED);
            }
        }
    }

    private static LocationReport locationWithItems() {
        FrameResult.Frame frame = (FrameResult.Frame) FrameCodec.decode(Golden.bytes(Golden.LOC_2013_ALL_ITEMS));
        return (LocationReport) ((dev.anjian.ingest.jt808.codec.Decoded.Message)
                dev.anjian.ingest.jt808.codec.BodyCodec.decode(frame.header(), frame.body())).message();
    }
}
