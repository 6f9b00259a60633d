package dev.anjian.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.anjian.ingest.mqtt.TelemetryParseResult.Readings;
import dev.anjian.ingest.mqtt.TelemetryParseResult.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random and mutated payloads: whatever arrives, the parser returns a result and never throws, and
 * an accepted result is well-formed. A failure prints the seed, case and bytes to replay it.
 */
class TelemetryPayloadParserFuzzTest {

    private static final long SEED = 20261129L;
    private static final int CASES = 20_000;
    private static final List<String> TOPICS = List.of(TelemetryPayloadParserTest.TOPIC, "anjian/telemetry/E1/D-2",
            "anjian/telemetry/E1", "anjian/telemetry/+/x", "", "/", "anjian/telemetry/E1/D1/x");
    private static final byte[] INTERESTING = "{}[]\":,.-+eE0123456789 \\u\n\ttruefalsenullNaN\u00e9"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void neverThrowsAndAcceptsOnlyWellFormedReadings() {
        Random random = new Random(SEED);
        List<byte[]> golden = TelemetryPayloadParserTest.goldenPayloads().stream()
                .map(p -> p.getBytes(StandardCharsets.UTF_8)).toList();
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            String topic = TOPICS.get(random.nextInt(TOPICS.size()));
            byte[] payload = i % 4 == 0 ? randomBytes(random) : mutate(golden.get(random.nextInt(golden.size())), random);
            TelemetryParseResult result = parseOrFail(i, topic, payload);
            if (result instanceof Readings readings) {
                accepted++;
                assertThat(readings.events()).isNotEmpty();
                assertThat(readings.events()).allSatisfy(e -> assertThat(e.deviceId()).isEqualTo(readings.deviceId()));
                assertThat(topic).endsWith("/" + readings.deviceId());
            } else {
                rejected++;
                assertThat(((Rejection) result).reason()).isNotBlank();
            }
        }
        // Both branches must have been exercised, or the mutations are too tame (or too wild) to mean anything.
        assertThat(accepted).isPositive();
        assertThat(rejected).isPositive();
    }

    private static TelemetryParseResult parseOrFail(int index, String topic, byte[] payload) {
        try {
            TelemetryParseResult result = TelemetryPayloadParser.parse(topic, payload, TelemetryPayloadParserTest.RECEIVED_AT, 512);
            assertThat(result).isNotNull();
            return result;
        } catch (RuntimeException e) {
            return fail(String.format("seed %d case %d: parser threw on topic '%s' payload %s", SEED, index, topic,
                    HexFormat.of().formatHex(payload)), e);
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(600)];
        if (random.nextBoolean()) {
            random.nextBytes(bytes);
        } else {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = INTERESTING[random.nextInt(INTERESTING.length)];
            }
        }
        return bytes;
    }

    /** One to four edits: flip a byte, insert or delete a few, truncate, or duplicate a slice. */
    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original;
        int edits = random.nextInt(4) + (random.nextInt(8) == 0 ? 0 : 1); // some cases stay unchanged
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            bytes = switch (random.nextInt(5)) {
                case 0 -> flip(bytes, at, random);
                case 1 -> insert(bytes, at, INTERESTING[random.nextInt(INTERESTING.length)]);
                case 2 -> delete(bytes, at, 1 + random.nextInt(3));
                case 3 -> Arrays.copyOf(bytes, at);
                default -> insertSlice(bytes, at, random);
            };
        }
        return bytes;
    }

    private static byte[] flip(byte[] bytes, int at, Random random) {
        byte[] copy = bytes.clone();
        copy[at] = random.nextBoolean() ? (byte) random.nextInt(256) : INTERESTING[random.nextInt(INTERESTING.length)];
        return copy;
    }

    private static byte[] insert(byte[] bytes, int at, byte value) {
        byte[] copy = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, copy, 0, at);
        copy[at] = value;
        System.arraycopy(bytes, at, copy, at + 1, bytes.length - at);
        return copy;
    }

    private static byte[] delete(byte[] bytes, int at, int count) {
        int n = Math.min(count, bytes.length - at);
        byte[] copy = new byte[bytes.length - n];
        System.arraycopy(bytes, 0, copy, 0, at);
        System.arraycopy(bytes, at + n, copy, at, bytes.length - at - n);
        return copy;
    }

    private static byte[] insertSlice(byte[] bytes, int at, Random random) {
        int from = random.nextInt(bytes.length);
        int length = Math.min(1 + random.nextInt(12), bytes.length - from);
        byte[] copy = new byte[bytes.length + length];
        System.arraycopy(bytes, 0, copy, 0, at);
        System.arraycopy(bytes, from, copy, at, length);
        System.arraycopy(bytes, at, copy, at + length, bytes.length - at);
        return copy;
    }
}
