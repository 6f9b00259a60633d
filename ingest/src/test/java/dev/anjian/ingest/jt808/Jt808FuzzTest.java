package dev.anjian.ingest.jt808;

import static dev.anjian.ingest.jt808.TestGateway.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.anjian.ingest.jt808.codec.BodyCodec;
import dev.anjian.ingest.jt808.codec.Decoded;
import dev.anjian.ingest.jt808.codec.FrameCodec;
import dev.anjian.ingest.jt808.codec.FrameResult;
import dev.anjian.ingest.jt808.codec.Golden;
import dev.anjian.ingest.jt808.codec.Subpackages;
import dev.anjian.ingest.kafka.EventPublisher;
import io.netty.util.ResourceLeakDetector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated frames (seeded, reproducible): the codec returns a value for every one of them, and a
 * real server on loopback keeps serving a well-behaved terminal while a fuzzing client hammers it.
 */
class Jt808FuzzTest {

    static {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    private static final int FRAMES = 100_000;
    private static final List<byte[]> SEEDS = List.of(Golden.bytes(Golden.LOC_2013_ALL_ITEMS), Golden.bytes(Golden.LOC_2019_SW),
            Golden.bytes(Golden.REG_2013), Golden.bytes(Golden.REG_2019), Golden.bytes(Golden.AUTH_2019),
            Golden.bytes(Golden.BATCH_BLIND), Golden.bytes(Golden.PKG_2013), Golden.bytes(Golden.HEARTBEAT_2013));

    @Test
    void codecReturnsAValueForEveryFrame() {
        SplittableRandom random = new SplittableRandom(808);
        Subpackages subpackages = new Subpackages(4, 256, 1000);
        long frames = 0;
        long messages = 0;
        for (int i = 0; i < FRAMES; i++) {
            FrameResult result = FrameCodec.decode(fuzzFrame(random));
            if (result instanceof FrameResult.Frame frame) {
                frames++;
                Decoded decoded = BodyCodec.decode(frame.header(), frame.body());
                messages += decoded instanceof Decoded.Message ? 1 : 0;
                if (frame.header().subpackaged()) {
                    subpackages.offer(frame, i);
                    subpackages.overdue(i);
                }
            }
            assertThat(result.raw()).isNotNull();
        }
        // The mutations must reach past framing into the body decoders, or this test proves little.
        assertThat(frames).isGreaterThan(FRAMES / 10);
        assertThat(messages).isGreaterThan(FRAMES / 20);
    }

    @Test
    void serverKeepsServingAWellBehavedTerminalMeanwhile() throws Exception {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        Jt808Settings settings = TestGateway.settings(Map.of("jt808.max-bad-frames", "1000000"));
        try (EventPublisher publisher = new EventPublisher(producer, TestGateway.TOPICS);
             Jt808Server server = new Jt808Server(settings, publisher, TestGateway.terminals()).start()) {
            AtomicLong sent = new AtomicLong();
            AtomicBoolean done = new AtomicBoolean();
            Thread fuzzer = new Thread(() -> fuzz(server.port(), sent, done), "fuzzer");
            fuzzer.start();
            try (TestTerminal good = new TestTerminal(server.port(), PHONE, false)) {
                good.login("豫A12345");
                int acked = 0;
                while (sent.get() < FRAMES) {
                    good.expectOk(good.send(Frames.location(0, acked % 1000)));
                    acked++;
                    if (acked % 50 == 0) {
                        producer.clear(); // bound the mock's history; the counters below keep the totals
                    }
                }
                done.set(true);
                fuzzer.join();
                assertThat(acked).isPositive();
                assertThat(server.counters().locationsAcked()).isEqualTo(acked);
            }
            // Noise and lost boundaries merge some fuzzed frames; most still arrive as frames, most refused.
            assertThat(server.counters().frames()).as("%s", server.counters()).isGreaterThan(FRAMES / 2);
            assertThat(server.counters().rejectedTotal()).isGreaterThan(FRAMES / 3);
        }
    }

    /** Sends FRAMES fuzzed frames, reconnecting whenever the gateway closes the connection (oversized frames). */
    private static void fuzz(int port, AtomicLong sent, AtomicBoolean done) {
        SplittableRandom random = new SplittableRandom(1078);
        while (sent.get() < FRAMES && !done.get()) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                Thread drain = drain(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                while (sent.get() < FRAMES) {
                    out.write(fuzzFrame(random));
                    sent.incrementAndGet();
                }
                // Half-close and read to the end: closing with unread replies would reset the connection
                // and discard what the gateway has not read yet.
                socket.shutdownOutput();
                drain.join();
            } catch (IOException e) {
                // The gateway closed this connection by its policy; the next one goes on.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Thread drain(InputStream in) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                while (in.read(buf) >= 0) {
                    // replies to fuzzed frames are not checked here
                }
            } catch (IOException e) {
                // socket closed
            }
        }, "fuzz-drain");
        t.setDaemon(true);
        t.start();
        return t;
    }

    static byte[] fuzzFrame(SplittableRandom r) {
        int kind = r.nextInt(10);
        if (kind == 0) {
            byte[] noise = new byte[r.nextInt(1, 80)];
            r.nextBytes(noise);
            return noise;
        }
        byte[] seed = SEEDS.get(r.nextInt(SEEDS.size()));
        byte[] content = java.util.Arrays.copyOfRange(seed, 1, seed.length - 1);
        content = dev.anjian.ingest.jt808.codec.FrameCodecAccess.unescape(content);
        int mutations = r.nextInt(1, 4);
        for (int m = 0; m < mutations; m++) {
            content = mutate(content, r);
        }
        // Half keep a valid check code so the body decoders see the mutation.
        byte[] body = java.util.Arrays.copyOf(content, Math.max(0, content.length - 1));
        return kind < 6 ? FrameCodec.encodeRaw(body) : wrap(content);
    }

    private static byte[] mutate(byte[] b, SplittableRandom r) {
        if (b.length == 0) {
            return new byte[] {(byte) r.nextInt(256)};
        }
        int at = r.nextInt(b.length);
        return switch (r.nextInt(5)) {
            case 0 -> { b[at] = (byte) r.nextInt(256); yield b; }
            case 1 -> java.util.Arrays.copyOf(b, at);
            case 2 -> { b[at] ^= (byte) (1 << r.nextInt(8)); yield b; }
            case 3 -> { b[r.nextInt(Math.min(4, b.length))] = (byte) r.nextInt(256); yield b; } // id / attributes
            default -> {
                byte[] longer = java.util.Arrays.copyOf(b, b.length + r.nextInt(1, 40));
                for (int i = b.length; i < longer.length; i++) {
                    longer[i] = (byte) r.nextInt(256);
                }
                yield longer;
            }
        };
    }

    private static byte[] wrap(byte[] content) {
        byte[] raw = new byte[content.length + 2];
        raw[0] = 0x7E;
        raw[raw.length - 1] = 0x7E;
        System.arraycopy(content, 0, raw, 1, content.length);
        return raw;
    }
}
