package dev.anjian.ingest.jt808.codec;

/**
 * A JT/T 808 frame header. 2013 (table 2): id WORD, attributes WORD, phone BCD[6], serial WORD, then packet
 * total and number WORDs when subpackaged: 12 or 16 bytes. 2019 (attributes bit 14 set): a protocol version
 * BYTE after the attributes and the phone as BCD[10]: 17 or 21 bytes. Attributes: bits 0-9 body length,
 * 10-12 encryption, 13 subpackage, 14 version flag. {@code phone} holds the digits as on the wire.
 */
public record Header(int messageId, int bodyLength, int encryption, boolean subpackaged, boolean version2019,
        int protocolVersion, String phone, int serial, int packetTotal, int packetNumber) {

    public static final int MAX_BODY_LENGTH = 1023;

    /** A header for a message that is not subpackaged; the body length is set when the frame is encoded. */
    public static Header of(int messageId, String phone, int serial, boolean version2019) {
        return new Header(messageId, 0, 0, false, version2019, version2019 ? 1 : 0,
                pad(phone, version2019), serial & 0xFFFF, 0, 0);
    }

    /** A platform message to the terminal that sent {@code to}, in the same header version. */
    public static Header replyTo(Header to, int messageId, int serial) {
        return new Header(messageId, 0, 0, false, to.version2019, to.protocolVersion, to.phone, serial & 0xFFFF, 0, 0);
    }

    public Header asPacket(int total, int number) {
        return new Header(messageId, bodyLength, encryption, true, version2019, protocolVersion, phone, serial, total, number);
    }

    /** The identity of the terminal: the phone digits without leading zeros, the same in 2013 and 2019 headers. */
    public String terminalKey() {
        return terminalKey(phone);
    }

    public static String terminalKey(String phoneDigits) {
        int i = 0;
        while (i < phoneDigits.length() - 1 && phoneDigits.charAt(i) == '0') {
            i++;
        }
        return phoneDigits.substring(i);
    }

    public int length() {
        return (version2019 ? 17 : 12) + (subpackaged ? 4 : 0);
    }

    private static String pad(String phone, boolean version2019) {
        int digits = version2019 ? 20 : 12;
        String key = terminalKey(phone);
        if (key.length() > digits) {
            throw new IllegalArgumentException("phone " + phone + " does not fit a " + digits + "-digit header");
        }
        return "0".repeat(digits - key.length()) + key;
    }
}
