package dev.anjian.ingest.jt808.codec;

/** Test access to package-private codec steps. */
public final class FrameCodecAccess {

    private FrameCodecAccess() {
    }

    public static byte[] unescape(byte[] content) {
        return Escaping.unescape(content, 0, content.length);
    }
}
