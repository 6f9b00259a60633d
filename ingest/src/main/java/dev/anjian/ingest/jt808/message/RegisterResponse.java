package dev.anjian.ingest.jt808.message;

/**
 * 0x8100 registration response: reply serial WORD, result BYTE, auth code STRING (only when the result is 0).
 */
public record RegisterResponse(int replySerial, int result, String authCode) implements Jt808Message {

    public static final int OK = 0;
    public static final int VEHICLE_ALREADY_REGISTERED = 1;
    public static final int NO_SUCH_VEHICLE = 2;
    public static final int TERMINAL_ALREADY_REGISTERED = 3;
    public static final int NO_SUCH_TERMINAL = 4;

    public RegisterResponse {
        authCode = result == OK && authCode != null ? authCode : "";
    }

    @Override
    public int messageId() {
        return MessageIds.REGISTER_RESPONSE;
    }
}
