package dev.anjian.ingest.jt808.codec;

/**
 * What one 0x7E-delimited frame decoded to: a {@link Frame} or a {@link BadFrame} with a reason. {@code raw}
 * is the frame as received (escaped, with delimiters when present), kept for dead-letter.
 */
public sealed interface FrameResult {

    byte[] raw();

    /** A checked, unescaped frame: header and body. */
    record Frame(Header header, byte[] body, byte[] raw) implements FrameResult {
    }

    /** A frame that failed framing; {@code header} is null unless it could be read (then a reply is possible). */
    record BadFrame(BadInput reason, String detail, Header header, byte[] raw) implements FrameResult {
    }
}
