package dev.anjian.events;

import java.util.Arrays;
import java.util.Base64;

/**
 * Input that was rejected, with the reason, on topic dead-letter keyed by {@code source}. The raw bytes
 * are kept (base64, at most {@link #MAX_RAW_BYTES}; {@code rawLength} is the full size) so an operator
 * can see exactly what arrived. {@code origin} says where from: an MQTT topic, a remote address.
 */
public record DeadLetter(String source, String origin, String reason, String rawBase64, int rawLength, long receivedAt) {

    public static final int MAX_RAW_BYTES = 64 * 1024;

    public DeadLetter {
        Require.text(source, "source");
        origin = origin == null ? "" : origin;
        Require.text(reason, "reason");
        rawBase64 = rawBase64 == null ? "" : rawBase64;
        Require.epochMillis(receivedAt, "receivedAt");
    }

    public static DeadLetter of(String source, String origin, String reason, byte[] raw, long receivedAt) {
        byte[] kept = raw.length > MAX_RAW_BYTES ? Arrays.copyOf(raw, MAX_RAW_BYTES) : raw;
        return new DeadLetter(source, origin, reason, Base64.getEncoder().encodeToString(kept), raw.length, receivedAt);
    }

    public byte[] raw() {
        return Base64.getDecoder().decode(rawBase64);
    }
}
