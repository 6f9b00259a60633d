package dev.anjian.ingest.jt808;

import dev.anjian.ingest.jt808.codec.Header;
import dev.anjian.ingest.jt808.message.Jt808Message;

/** A platform message on its way to a terminal, written by {@link Jt808Encoder}. */
record Outbound(Header header, Jt808Message message) {
}
