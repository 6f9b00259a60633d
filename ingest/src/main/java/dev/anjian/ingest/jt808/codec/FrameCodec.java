package dev.anjian.ingest.jt808.codec;

import dev.anjian.ingest.jt808.codec.FrameResult.BadFrame;
import dev.anjian.ingest.jt808.codec.FrameResult.Frame;

/**
 * Frames as pure functions over bytes. Receive: unescape, verify the XOR check code, read the header (2013
 * or 2019, decided per frame by attributes bit 14), check the body length. Send: header + body, check code,
 * escape, delimiters. Example, a 2013 heartbeat of terminal 013800000001 with serial 1:
 * {@code 7E 0002 0000 013800000001 0001 3B 7E} (check code 0x3B).
 */
public final class FrameCodec {

    private static final int MIN_2013 = 12;
    private static final int MIN_2019 = 17;

    private FrameCodec() {
    }

    /** Decodes one frame {@code 7E ... 7E} as received; never throws. */
    public static FrameResult decode(byte[] raw) {
        if (raw.length < 2 || raw[0] != Escaping.DELIMITER || raw[raw.length - 1] != Escaping.DELIMITER) {
            return new BadFrame(BadInput.TRUNCATED, "frame not enclosed in 0x7E delimiters", null, raw);
        }
        byte[] bytes;
        try {
            bytes = Escaping.unescape(raw, 1, raw.length - 1);
        } catch (MalformedException e) {
            return new BadFrame(BadInput.BAD_ESCAPE, e.getMessage(), null, raw);
        }
        if (bytes.length < MIN_2013 + 1) {
            return new BadFrame(BadInput.TRUNCATED, bytes.length + " bytes cannot hold a header and check code", null, raw);
        }
        int contentLength = bytes.length - 1;
        Header header = readHeader(bytes, contentLength);
        byte expected = bytes[contentLength];
        byte actual = xor(bytes, contentLength);
        if (actual != expected) {
            return new BadFrame(BadInput.BAD_CHECKSUM, String.format("check code 0x%02X, computed 0x%02X",
                    expected & 0xFF, actual & 0xFF), header, raw);
        }
        if (header == null) {
            return new BadFrame(BadInput.TRUNCATED, "cannot read a header from " + contentLength
                    + " bytes (too short for its version, or the phone is not BCD)",
                    null, raw);
        }
        int bodyBytes = contentLength - header.length();
        if (bodyBytes != header.bodyLength()) {
            return new BadFrame(BadInput.LENGTH_MISMATCH, "attributes announce a body of " + header.bodyLength()
                    + " bytes, frame has " + bodyBytes, header, raw);
        }
        byte[] body = new byte[bodyBytes];
        System.arraycopy(bytes, header.length(), body, 0, bodyBytes);
        return new Frame(header, body, raw);
    }

    /** Encodes {@code header} (its body length replaced by the body's) and {@code body} into a delimited frame. */
    public static byte[] encode(Header header, byte[] body) {
        if (body.length > Header.MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("body of " + body.length + " bytes exceeds " + Header.MAX_BODY_LENGTH
                    + "; subpackage it");
        }
        int attributes = body.length | (header.encryption() & 0x7) << 10 | (header.subpackaged() ? 1 << 13 : 0)
                | (header.version2019() ? 1 << 14 : 0);
        ByteWriter out = new ByteWriter(header.length() + body.length + 1);
        out.u16(header.messageId()).u16(attributes);
        if (header.version2019()) {
            out.u8(header.protocolVersion()).bcd(header.phone(), 10);
        } else {
            out.bcd(header.phone(), 6);
        }
        out.u16(header.serial());
        if (header.subpackaged()) {
            out.u16(header.packetTotal()).u16(header.packetNumber());
        }
        out.bytes(body);
        return encodeRaw(out.toByteArray());
    }

    /** Check code, escaping and delimiters around already-built header+body bytes (the simulator's fault injection). */
    public static byte[] encodeRaw(byte[] content) {
        byte[] withCheck = java.util.Arrays.copyOf(content, content.length + 1);
        withCheck[content.length] = xor(content, content.length);
        return Escaping.escapeAndDelimit(withCheck, withCheck.length);
    }

    /** The header in the first {@code available} bytes, or null when they are too few or the phone is not BCD. */
    private static Header readHeader(byte[] bytes, int available) {
        ByteReader in = new ByteReader(bytes, 0, available);
        try {
            int messageId = in.u16("message id");
            int attributes = in.u16("attributes");
            boolean v2019 = (attributes & (1 << 14)) != 0;
            boolean subpackaged = (attributes & (1 << 13)) != 0;
            if (available < (v2019 ? MIN_2019 : MIN_2013) + (subpackaged ? 4 : 0)) {
                return null;
            }
            int protocolVersion = v2019 ? in.u8("protocol version") : 0;
            String phone = in.bcd(v2019 ? 10 : 6, "phone");
            int serial = in.u16("serial");
            int total = subpackaged ? in.u16("packet total") : 0;
            int number = subpackaged ? in.u16("packet number") : 0;
            return new Header(messageId, attributes & 0x3FF, (attributes >> 10) & 0x7, subpackaged, v2019,
                    protocolVersion, phone, serial, total, number);
        } catch (MalformedException e) {
            return null;
        }
    }

    static byte xor(byte[] bytes, int len) {
        byte check = 0;
        for (int i = 0; i < len; i++) {
            check ^= bytes[i];
        }
        return check;
    }
}
