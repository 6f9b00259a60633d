package dev.anjian.alerting.sms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an SMS text into SMPP short messages in UCS-2 (data_coding 0x08), the only alphabet that carries
 * Chinese. Up to {@value #SINGLE_CHARS} characters fit one message (140 bytes). Longer texts are
 * concatenated: each part carries a 6-byte user data header {@code 05 00 03 <ref> <total> <seq>} (GSM
 * 03.40 concatenated SMS, 8-bit reference) and up to {@value #PART_CHARS} characters, and is sent with
 * esm_class UDHI (0x40). A surrogate pair is never split across parts.
 */
public final class SmppSegments {

    public static final int SINGLE_CHARS = 70;
    public static final int PART_CHARS = 67;
    public static final int MAX_PARTS = 255;

    private SmppSegments() {
    }

    /** The short messages for {@code text}; {@code reference} ties the parts together on the phone. */
    public static List<byte[]> split(String text, int reference) {
        if (text.length() <= SINGLE_CHARS) {
            return List.of(text.getBytes(StandardCharsets.UTF_16BE));
        }
        List<String> chunks = chunks(text);
        if (chunks.size() > MAX_PARTS) {
            throw new IllegalArgumentException("SMS text of " + text.length() + " characters needs more than "
                    + MAX_PARTS + " parts");
        }
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            ByteArrayOutputStream part = new ByteArrayOutputStream(140);
            part.writeBytes(new byte[] {0x05, 0x00, 0x03, (byte) reference, (byte) chunks.size(), (byte) (i + 1)});
            part.writeBytes(chunks.get(i).getBytes(StandardCharsets.UTF_16BE));
            parts.add(part.toByteArray());
        }
        return parts;
    }

    public static boolean concatenated(List<byte[]> parts) {
        return parts.size() > 1;
    }

    private static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + PART_CHARS, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            chunks.add(text.substring(start, end));
            start = end;
        }
        return chunks;
    }
}
