package dev.anjian.ingest.jt808.codec;

/**
 * Thrown inside the codec while reading a body that does not fit its layout; {@link BodyCodec#decode} turns
 * it into a {@link Decoded.Rejected} value, so it never leaves the codec.
 */
final class MalformedException extends RuntimeException {

    MalformedException(String message) {
        super(message, null, false, false);
    }
}
