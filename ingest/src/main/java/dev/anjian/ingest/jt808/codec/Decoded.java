package dev.anjian.ingest.jt808.codec;

import dev.anjian.ingest.jt808.message.Jt808Message;

/** What a frame's body decoded to: a message, or a rejection with the reason (malformed, unsupported). */
public sealed interface Decoded {

    Header header();

    record Message(Header header, Jt808Message message) implements Decoded {
    }

    record Rejected(Header header, BadInput reason, String detail) implements Decoded {
    }
}
