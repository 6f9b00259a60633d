package dev.anjian.ingest.jt808.message;

/** The message ids this gateway speaks, as in JT/T 808-2013 §8 and 2019. */
public final class MessageIds {

    public static final int TERMINAL_RESPONSE = 0x0001;
    public static final int HEARTBEAT = 0x0002;
    public static final int LOGOUT = 0x0003;
    public static final int TIME_QUERY = 0x0004;
    public static final int REGISTER = 0x0100;
    public static final int AUTH = 0x0102;
    public static final int LOCATION = 0x0200;
    public static final int LOCATION_BATCH = 0x0704;
    public static final int PLATFORM_RESPONSE = 0x8001;
    public static final int RESEND_REQUEST = 0x8003;
    public static final int TIME_QUERY_RESPONSE = 0x8004;
    public static final int REGISTER_RESPONSE = 0x8100;

    private MessageIds() {
    }

    /** {@code 0x0200} for 512: how ids appear in logs and the standard. */
    public static String hex(int messageId) {
        return String.format("0x%04X", messageId);
    }
}
