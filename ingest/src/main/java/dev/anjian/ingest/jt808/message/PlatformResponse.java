package dev.anjian.ingest.jt808.message;

/**
 * 0x8001 platform general response: reply serial WORD, reply id WORD, result BYTE. Example answering the
 * heartbeat with serial 7: {@code 00 07 00 02 00}.
 */
public record PlatformResponse(int replySerial, int replyMessageId, int result) implements Jt808Message {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    /** The message was malformed (checksum, length, body): the terminal may send it again. */
    public static final int BAD_MESSAGE = 2;
    public static final int UNSUPPORTED = 3;
    public static final int ALARM_CONFIRMED = 4;

    @Override
    public int messageId() {
        return MessageIds.PLATFORM_RESPONSE;
    }
}
