package dev.anjian.ingest.jt808.codec;

import java.util.Arrays;
import java.util.HexFormat;

/** A growable big-endian byte buffer for bodies and frames. */
final class ByteWriter {

    private byte[] buf;
    private int len;

    ByteWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    ByteWriter u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    ByteWriter u16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    ByteWriter u32(long v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    ByteWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    ByteWriter bytes(byte[] b, int from, int n) {
        ensure(n);
        System.arraycopy(b, from, buf, len, n);
        len += n;
        return this;
    }

    ByteWriter hex(String hex) {
        return bytes(HexFormat.of().parseHex(hex));
    }

    ByteWriter bcd(String digits, int n) {
        return bytes(Bcd.encode(digits, n));
    }

    /** GBK text cut or padded with 0x00 to exactly {@code n} bytes. */
    ByteWriter fixedText(String text, int n) {
        return bytes(Arrays.copyOf(text.getBytes(ByteReader.GBK), n));
    }

    ByteWriter text(String text) {
        return bytes(text.getBytes(ByteReader.GBK));
    }

    int length() {
        return len;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }
}
