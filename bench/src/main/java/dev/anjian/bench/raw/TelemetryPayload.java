package dev.anjian.bench.raw;

import dev.anjian.events.Quality;
import dev.anjian.ingest.mqtt.TelemetryMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A canonical telemetry payload with 3 metrics as a gas detector publishes it (ingest TelemetryMessage), e.g.
 * <pre>{"ts":1764374400000,"quality":"NORMAL","metrics":{"CH4":0.42,"CO":12.5,"O2":20.9}}</pre>
 * (82 bytes), padded with JSON whitespace before the final brace to a requested size, so it stays a valid
 * message the bridge would accept.
 */
final class TelemetryPayload {

    private TelemetryPayload() {
    }

    static byte[] of(long ts, int bytes) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("CH4", 0.42);
        metrics.put("CO", 12.5);
        metrics.put("O2", 20.9);
        byte[] canonical = new TelemetryMessage("E1", "GAS-1", ts, Quality.NORMAL, metrics).payload();
        if (bytes <= canonical.length) {
            return canonical;
        }
        byte[] padded = Arrays.copyOf(canonical, bytes);
        Arrays.fill(padded, canonical.length - 1, bytes - 1, (byte) ' ');
        padded[bytes - 1] = '}';
        return padded;
    }

    static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
