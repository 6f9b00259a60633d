package dev.anjian.ingest.jt808.message;

/** 0x0001 terminal general response: which platform message it answers and the result (0 ok, 1 fail, 2 bad, 3 unsupported). */
public record TerminalResponse(int replySerial, int replyMessageId, int result) implements Jt808Message {

    @Override
    public int messageId() {
        return MessageIds.TERMINAL_RESPONSE;
    }
}
