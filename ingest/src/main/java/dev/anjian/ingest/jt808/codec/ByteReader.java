package dev.anjian.ingest.jt808.codec;

import java.nio.charset.Charset;
import java.util.HexFormat;

/** A big-endian cursor over a body; reading past the end is a {@link MalformedException} naming the field. */
final class ByteReader {

    static final Charset GBK = Charset.forName("GBK");

    private final byte[] bytes;
    private final int end;
    private int pos;

    ByteReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    ByteReader(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.pos = from;
        this.end = to;
    }

    int remaining() {
        return end - pos;
    }

    int u8(String field) {
        need(1, field);
        return bytes[pos++] & 0xFF;
    }

    int u16(String field) {
        need(2, field);
        int v = ((bytes[pos] & 0xFF) << 8) | (bytes[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    long u32(String field) {
        need(4, field);
        long v = ((long) (bytes[pos] & 0xFF) << 24) | ((bytes[pos + 1] & 0xFF) << 16)
                | ((bytes[pos + 2] & 0xFF) << 8) | (bytes[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    byte[] bytes(int n, String field) {
        need(n, field);
        byte[] out = new byte[n];
        System.arraycopy(bytes, pos, out, 0, n);
        pos += n;
        return out;
    }

    String hex(int n, String field) {
        return HexFormat.of().formatHex(bytes(n, field));
    }

    /** A reader over the next {@code n} bytes, which this reader skips. */
    ByteReader slice(int n, String field) {
        need(n, field);
        ByteReader slice = new ByteReader(bytes, pos, pos + n);
        pos += n;
        return slice;
    }

    /** An independent reader at the same position, e.g. to keep an item raw after a failed read. */
    ByteReader copy() {
        return new ByteReader(bytes, pos, end);
    }

    String bcd(int n, String field) {
        return Bcd.decode(bytes(n, field), field);
    }

    /** A fixed-width text field, padded with 0x00 (or spaces) on the right. */
    String fixedText(int n, String field) {
        byte[] raw = bytes(n, field);
        int len = raw.length;
        while (len > 0 && (raw[len - 1] == 0 || raw[len - 1] == ' ')) {
            len--;
        }
        return new String(raw, 0, len, GBK);
    }

    /** The rest of the body as GBK text, without trailing 0x00 padding. */
    String restText() {
        return fixedText(remaining(), "text");
    }

    private void need(int n, String field) {
        if (n < 0 || end - pos < n) {
            throw new MalformedException("body too short for field '" + field + "': needs " + n + " bytes at offset "
                    + pos + ", has " + Math.max(0, end - pos));
        }
    }
}
