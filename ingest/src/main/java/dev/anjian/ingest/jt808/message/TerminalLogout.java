package dev.anjian.ingest.jt808.message;

/** 0x0003 terminal logout: empty body; answered with 0x8001, then the terminal closes. */
public record TerminalLogout() implements Jt808Message {

    @Override
    public int messageId() {
        return MessageIds.LOGOUT;
    }
}
