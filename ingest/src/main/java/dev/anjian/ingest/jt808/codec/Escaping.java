package dev.anjian.ingest.jt808.codec;

/**
 * JT/T 808 §4.4.1 escaping of everything between the delimiters: 0x7E is sent as 0x7D 0x02 and 0x7D as
 * 0x7D 0x01. The standard's example: {@code 30 7E 08 7D 55} is sent as {@code 7E 30 7D 02 08 7D 01 55 7E}.
 */
public final class Escaping {

    public static final byte DELIMITER = 0x7E;
    static final byte ESCAPE = 0x7D;

    private Escaping() {
    }

    static byte[] unescape(byte[] in, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte b = in[i];
            if (b != ESCAPE) {
                out[n++] = b;
                continue;
            }
            if (i + 1 >= to) {
                throw new MalformedException("0x7D is the last byte of the frame");
            }
            byte next = in[++i];
            if (next == 0x01) {
                out[n++] = ESCAPE;
            } else if (next == 0x02) {
                out[n++] = DELIMITER;
            } else {
                throw new MalformedException(String.format("0x7D followed by 0x%02X at offset %d", next & 0xFF, i - from));
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Escapes {@code in} and wraps it in delimiters. */
    static byte[] escapeAndDelimit(byte[] in, int len) {
        ByteWriter out = new ByteWriter(len + len / 8 + 4);
        out.u8(DELIMITER);
        for (int i = 0; i < len; i++) {
            byte b = in[i];
            if (b == DELIMITER) {
                out.u8(ESCAPE).u8(0x02);
            } else if (b == ESCAPE) {
                out.u8(ESCAPE).u8(0x01);
            } else {
                out.u8(b);
            }
        }
        out.u8(DELIMITER);
        return out.toByteArray();
    }
}
