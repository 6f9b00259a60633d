package dev.anjian.ingest.jt808;

import static dev.anjian.ingest.jt808.TestGateway.DEVICE;
import static dev.anjian.ingest.jt808.TestGateway.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.anjian.events.Connectivity;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceEvent;
import dev.anjian.ingest.jt808.codec.BadInput;
import dev.anjian.ingest.jt808.codec.Decoded;
import dev.anjian.ingest.jt808.codec.FrameCodec;
import dev.anjian.ingest.jt808.codec.Header;
import dev.anjian.ingest.jt808.codec.Jt808Time;
import dev.anjian.ingest.jt808.message.LocationBatch;
import dev.anjian.ingest.jt808.message.PlatformResponse;
import dev.anjian.ingest.jt808.message.RegisterResponse;
import dev.anjian.ingest.jt808.message.TerminalAuth;
import dev.anjian.ingest.jt808.message.TerminalHeartbeat;
import dev.anjian.ingest.jt808.message.TerminalLogout;
import dev.anjian.ingest.jt808.message.TerminalRegister;
import dev.anjian.ingest.jt808.message.TimeQuery;
import dev.anjian.ingest.jt808.message.TimeQueryResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ResourceLeakDetector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real pipeline (frame decoder, encoder, handler) on an EmbeddedChannel; Kafka acks under test control. */
class Jt808PipelineTest {

    static {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    private TestGateway gw = new TestGateway(false, Map.of("jt808.max-in-flight", "2", "jt808.max-bad-frames", "4"));
    private int serial = 1;
    private final List<EmbeddedChannel> channels = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        // Replies a test did not read are released here, so the PARANOID leak detector reports only real leaks.
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
        gw.lane.close();
    }

    @Test
    void registersKnownTerminalAndIssuesItsAuthCode() {
        EmbeddedChannel ch = channel();
        send(ch, Frames.frame(register("豫A12345"), PHONE, 7, false));
        RegisterResponse r = (RegisterResponse) reply(ch).message();
        assertThat(r.replySerial()).isEqualTo(7);
        assertThat(r.result()).isEqualTo(RegisterResponse.OK);
        assertThat(r.authCode()).isEqualTo(gw.authCode(PHONE)).hasSize(16);
    }

    @Test
    void refusesUnknownTerminalAndUnknownVehicle() {
        EmbeddedChannel ch = channel();
        send(ch, Frames.frame(register("豫A12345"), "013899999999", 1, false));
        assertThat(((RegisterResponse) reply(ch).message()).result()).isEqualTo(RegisterResponse.NO_SUCH_TERMINAL);
        send(ch, Frames.frame(register("豫B99999"), PHONE, 2, false));
        assertThat(((RegisterResponse) reply(ch).message()).result()).isEqualTo(RegisterResponse.NO_SUCH_VEHICLE);
        assertThat(awaitDeadLetters(2)).allSatisfy(d -> assertThat(d.reason()).startsWith("REFUSED_TERMINAL"));
    }

    @Test
    void refusesEverythingButRegisterAndAuthBeforeAuth() {
        EmbeddedChannel ch = channel();
        send(ch, Frames.frame(new TerminalHeartbeat(), PHONE, 3, false));
        assertResponse(reply(ch), 3, 0x0002, PlatformResponse.FAILURE);
        send(ch, Frames.frame(Frames.location(0, 100), PHONE, 4, false));
        assertResponse(reply(ch), 4, 0x0200, PlatformResponse.FAILURE);
        send(ch, Frames.frame(new TerminalAuth("wrong-code", "", ""), PHONE, 5, false));
        assertResponse(reply(ch), 5, 0x0102, PlatformResponse.FAILURE);
        assertThat(awaitDeadLetters(3)).extracting(d -> d.reason().split(":")[0])
                .containsExactly("NOT_AUTHENTICATED", "NOT_AUTHENTICATED", "REFUSED_TERMINAL");
        assertThat(gw.events()).isEmpty();
    }

    @Test
    void authenticatedTerminalIsConnectedAndHeartbeatsAreAnswered() {
        EmbeddedChannel ch = authenticated(PHONE, false);
        send(ch, Frames.frame(new TerminalHeartbeat(), PHONE, 9, false));
        assertResponse(reply(ch), 9, 0x0002, PlatformResponse.OK);
        DeviceEvent connected = awaitEvents(1).get(0);
        assertThat(connected.deviceId()).isEqualTo(DEVICE);
        assertThat(connected.connectivity().state()).isEqualTo(Connectivity.State.CONNECTED);
        assertThat(connected.connectivity().gatewayId()).isEqualTo("gw-test");
    }

    @Test
    void acknowledgesLocationOnlyAfterKafka() {
        EmbeddedChannel ch = authenticated(PHONE, false);
        completeAll();
        send(ch, Frames.frame(Frames.location(0b10, 1025), PHONE, 20, false));
        awaitEvents(2);
        ch.runPendingTasks();
        assertThat((Object) ch.readOutbound()).as("no 0x8001 before Kafka acknowledged").isNull();
        gw.producer.completeNext();
        assertResponse(reply(ch), 20, 0x0200, PlatformResponse.OK);
        DeviceEvent e = gw.events().get(1);
        assertThat(e.type()).isEqualTo(DeviceEvent.Type.VEHICLE_LOCATION);
        assertThat(e.eventTime()).isEqualTo(Jt808Time.toEpochMillis(Frames.T));
        assertThat(e.receivedAt()).isEqualTo(gw.clock.millis());
        assertThat(e.location().speedKmh()).isEqualTo(102.5);
        assertThat(e.location().alarmBits()).isEqualTo(0b10);
        assertThat(e.backfilled()).isFalse();
        assertThat(gw.context.counters().locationsAcked()).isEqualTo(1);
    }

    @Test
    void noAcknowledgementWhenKafkaFails() {
        EmbeddedChannel ch = authenticated(PHONE, false);
        completeAll();
        send(ch, Frames.frame(Frames.location(0, 0), PHONE, 21, false));
        awaitEvents(2);
        gw.producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker away"));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            ch.runPendingTasks();
            return gw.context.counters().publishFailures() == 1;
        });
        assertThat((Object) ch.readOutbound()).isNull();
        assertThat(ch.isActive()).isTrue();
    }

    @Test
    void blindAreaBatchIsBackfilledAndAcknowledgedOnce() {
        EmbeddedChannel ch = authenticated(PHONE, false);
        LocationBatch batch = new LocationBatch(LocationBatch.BLIND_AREA, List.of(Frames.location(0, 100), Frames.location(2, 900)));
        send(ch, Frames.frame(batch, PHONE, 30, false));
        awaitEvents(3);
        completeAll();
        assertResponse(reply(ch), 30, 0x0704, PlatformResponse.OK);
        assertThat(gw.events().subList(1, 3)).allSatisfy(e -> assertThat(e.backfilled()).isTrue());
        assertThat((Object) ch.readOutbound()).isNull();
    }

    @Test
    void stopsReadingWhileKafkaLagsAndResumes() {
        EmbeddedChannel ch = authenticated(PHONE, false);
        completeAll();
        send(ch, Frames.frame(Frames.location(0, 1), PHONE, 40, false));
        send(ch, Frames.frame(Frames.location(0, 2), PHONE, 41, false));
        assertThat(ch.config().isAutoRead()).as("2 unacknowledged = jt808.max-in-flight").isFalse();
        assertThat(gw.context.counters().readPauses()).isEqualTo(1);
        awaitEvents(3);
        completeAll();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            ch.runPendingTasks();
            return ch.config().isAutoRead();
        });
    }

    @Test
    void badInputPolicy() {
        EmbeddedChannel ch = authenticated(PHONE, false);
        send(ch, dev.anjian.ingest.jt808.codec.Golden.bytes("7e0002000001380000000100093a7e"));
        assertResponse(reply(ch), 9, 0x0002, PlatformResponse.BAD_MESSAGE);
        send(ch, FrameCodec.encode(Header.of(0x0900, PHONE, 10, false), new byte[] {1, 2}));
        assertResponse(reply(ch), 10, 0x0900, PlatformResponse.UNSUPPORTED);
        send(ch, FrameCodec.encode(Header.of(0x0200, PHONE, 11, false), new byte[] {1, 2}));
        assertResponse(reply(ch), 11, 0x0200, PlatformResponse.BAD_MESSAGE);
        send(ch, dev.anjian.ingest.jt808.codec.Golden.bytes("7e00027d037e"));
        ch.runPendingTasks();
        assertThat((Object) ch.readOutbound()).as("bad escape: no header to answer").isNull();
        List<DeadLetter> letters = awaitDeadLetters(4);
        assertThat(letters).extracting(d -> BadInput.valueOf(d.reason().split(":")[0])).containsExactly(
                BadInput.BAD_CHECKSUM, BadInput.UNSUPPORTED_MESSAGE, BadInput.MALFORMED_BODY, BadInput.BAD_ESCAPE);
        assertThat(letters.get(0).source()).isEqualTo("jt808");
        assertThat(letters.get(0).origin()).contains("terminal 13800000001");
        assertThat(letters.get(0).reason()).contains("[raw 7e0002000001380000000100093a7e]");
        assertThat(letters.get(0).raw()).isEqualTo(dev.anjian.ingest.jt808.codec.Golden.bytes("7e0002000001380000000100093a7e"));
        assertThat(ch.isActive()).isTrue();
    }

    @Test
    void closesAfterTooManyBadFramesInARowOrAnOversizedFrame() {
        EmbeddedChannel ch = channel();
        for (int i = 0; i < 4; i++) {
            send(ch, new byte[] {0x7e, 1, 2, 0x7e});
        }
        assertThat(ch.isActive()).isFalse();
        EmbeddedChannel big = channel();
        byte[] oversized = new byte[5000];
        oversized[0] = 0x7e;
        send(big, oversized);
        assertThat(big.isActive()).isFalse();
        assertThat(gw.context.counters().rejected(BadInput.OVERSIZED)).isEqualTo(1);
    }

    @Test
    void secondConnectionReplacesTheFirst() {
        EmbeddedChannel first = authenticated(PHONE, false);
        EmbeddedChannel second = authenticated(PHONE, true);
        assertThat(first.isActive()).isFalse();
        assertThat(gw.context.sessions().find("13800000001")).get().extracting(TerminalSession::channel).isEqualTo(second);
        first.close();
        List<DeviceEvent> events = awaitEvents(3);
        assertThat(events).extracting(e -> e.connectivity().state()).containsExactly(
                Connectivity.State.CONNECTED, Connectivity.State.DISCONNECTED, Connectivity.State.CONNECTED);
        assertThat(events.get(1).connectivity().reason()).startsWith("replaced by a new connection");
        completeAll();
        assertThat(gw.events()).as("closing the replaced connection reports nothing more").hasSize(3);
        assertThat(gw.context.counters().sessionsReplaced()).isEqualTo(1);
    }

    @Test
    void idleTimeoutAndLogoutDisconnect() {
        EmbeddedChannel idle = authenticated(PHONE, false);
        idle.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);
        assertThat(idle.isActive()).isFalse();
        EmbeddedChannel leaving = authenticated("013800000002", false);
        send(leaving, Frames.frame(new TerminalLogout(), "013800000002", 50, false));
        assertResponse(reply(leaving), 50, 0x0003, PlatformResponse.OK);
        assertThat(leaving.isActive()).isFalse();
        List<DeviceEvent> events = awaitEvents(4);
        assertThat(events.get(1).connectivity().reason()).startsWith("idle timeout");
        assertThat(events.get(3).connectivity().reason()).isEqualTo("logout");
        assertThat(gw.context.sessions().size()).isZero();
    }

    @Test
    void answersTimeQueryIn2019() {
        EmbeddedChannel ch = authenticated(PHONE, true);
        send(ch, Frames.frame(new TimeQuery(), PHONE, 60, true));
        Decoded.Message m = reply(ch);
        assertThat(m.header().version2019()).isTrue();
        assertThat(m.header().phone()).isEqualTo("00000000013800000001");
        assertThat(((TimeQueryResponse) m.message()).timeGmt8()).isEqualTo(java.time.LocalDateTime.of(2026, 3, 15, 8, 31));
    }

    @Test
    void reassemblesSubpackagesAndReRequestsMissingOnes() {
        EmbeddedChannel ch = authenticated(PHONE, false);
        byte[] body = dev.anjian.ingest.jt808.codec.BodyCodec.encode(
                new LocationBatch(0, List.of(Frames.location(0, 10), Frames.location(0, 20))), false);
        int half = body.length / 2;
        Header h = Header.of(0x0704, PHONE, 70, false);
        send(ch, FrameCodec.encode(h.asPacket(2, 1), java.util.Arrays.copyOf(body, half)));
        ch.runPendingTasks();
        assertThat((Object) ch.readOutbound()).isNull();
        send(ch, FrameCodec.encode(Header.of(0x0704, PHONE, 71, false).asPacket(2, 2),
                java.util.Arrays.copyOfRange(body, half, body.length)));
        awaitEvents(3);
        completeAll();
        assertResponse(reply(ch), 70, 0x0704, PlatformResponse.OK);

        send(ch, FrameCodec.encode(Header.of(0x0704, PHONE, 80, false).asPacket(3, 1), new byte[] {0}));
        gw.clock.advance(Duration.ofSeconds(30));
        ch.advanceTimeBy(30, java.util.concurrent.TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        dev.anjian.ingest.jt808.message.ResendRequest request = (dev.anjian.ingest.jt808.message.ResendRequest) reply(ch).message();
        assertThat(request.firstSerial()).isEqualTo(80);
        assertThat(request.packetNumbers()).containsExactly(2, 3);
    }

    // --- helpers ---

    private EmbeddedChannel channel() {
        EmbeddedChannel ch = new EmbeddedChannel(new Jt808FrameDecoder(gw.settings.maxFrameBytes()), new Jt808Encoder(),
                new Jt808Handler(gw.context));
        channels.add(ch);
        return ch;
    }

    private EmbeddedChannel authenticated(String phone, boolean v2019) {
        EmbeddedChannel ch = channel();
        send(ch, Frames.frame(new TerminalAuth(gw.authCode(phone), "860000000000001", "1.0"), phone, serial, v2019));
        assertResponse(reply(ch), serial++, 0x0102, PlatformResponse.OK);
        return ch;
    }

    private static TerminalRegister register(String plate) {
        return new TerminalRegister(41, 100, "HNZZ1", "SIM", "T000001", 2, plate);
    }

    private static void send(EmbeddedChannel ch, byte[] bytes) {
        ch.writeInbound(Unpooled.wrappedBuffer(bytes));
    }

    /** The next frame the gateway wrote, once it is there (acks come back from the Kafka lane). */
    private static Decoded.Message reply(EmbeddedChannel ch) {
        ByteBuf[] out = new ByteBuf[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            ch.runPendingTasks();
            out[0] = ch.readOutbound();
            return out[0] != null;
        });
        byte[] bytes = new byte[out[0].readableBytes()];
        out[0].readBytes(bytes);
        out[0].release();
        return Frames.decode(bytes);
    }

    private static void assertResponse(Decoded.Message m, int serial, int messageId, int result) {
        assertThat(m.message()).isEqualTo(new PlatformResponse(serial, messageId, result));
    }

    private void completeAll() {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            while (gw.producer.completeNext()) {
                // acknowledge every record sent so far
            }
            return true;
        });
    }

    private List<DeviceEvent> awaitEvents(int n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> gw.events().size() >= n);
        return gw.events();
    }

    private List<DeadLetter> awaitDeadLetters(int n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> gw.deadLetters().size() >= n);
        return gw.deadLetters();
    }
}
