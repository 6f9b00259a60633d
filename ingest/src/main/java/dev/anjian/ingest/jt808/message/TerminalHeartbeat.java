package dev.anjian.ingest.jt808.message;

/** 0x0002 heartbeat: empty body, sent when the link is otherwise idle; answered with 0x8001. */
public record TerminalHeartbeat() implements Jt808Message {

    @Override
    public int messageId() {
        return MessageIds.HEARTBEAT;
    }
}
