package dev.anjian.ingest.jt808.codec;

/**
 * Why the gateway refused input. Each is counted, written to dead-letter with the raw bytes, and answered
 * by the policy in {@code Jt808Handler} (documented in config/ingest.properties).
 */
public enum BadInput {
    /** 0x7D followed by anything but 0x01 or 0x02, or 0x7D last. */
    BAD_ESCAPE,
    /** XOR of header and body differs from the check code. */
    BAD_CHECKSUM,
    /** Shorter than a header and a check code. */
    TRUNCATED,
    /** Body length in the attributes differs from the bytes that arrived. */
    LENGTH_MISMATCH,
    /** More than jt808.max-frame-bytes without a closing 0x7E. */
    OVERSIZED,
    /** Bytes before the first 0x7E of a frame. */
    OUTSIDE_FRAME,
    /** A message id this gateway does not handle, or an encrypted body. */
    UNSUPPORTED_MESSAGE,
    /** The body does not fit the message's layout (too short, bad BCD time, coordinates out of range). */
    MALFORMED_BODY,
    /** Anything but register/auth before a successful auth, or from another phone than the one authenticated. */
    NOT_AUTHENTICATED,
    /** Registration or auth of a terminal or vehicle the registry does not know, or a wrong auth code. */
    REFUSED_TERMINAL,
    /** Subpackages that never completed, or too many. */
    INCOMPLETE_SUBPACKAGES
}
