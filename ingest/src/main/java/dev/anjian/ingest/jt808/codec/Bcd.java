package dev.anjian.ingest.jt808.codec;

/** 8421 BCD, two digits a byte, left-padded with 0: {@code "13800000001"} in 6 bytes is {@code 01 38 00 00 00 01}. */
public final class Bcd {

    private Bcd() {
    }

    static String decode(byte[] bytes, String field) {
        char[] digits = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            int hi = (bytes[i] >> 4) & 0x0F;
            int lo = bytes[i] & 0x0F;
            if (hi > 9 || lo > 9) {
                throw new MalformedException(String.format("field '%s' is not BCD: byte %d is 0x%02X", field, i, bytes[i] & 0xFF));
            }
            digits[2 * i] = (char) ('0' + hi);
            digits[2 * i + 1] = (char) ('0' + lo);
        }
        return new String(digits);
    }

    /** {@code digits} right-aligned in {@code n} bytes; more digits than fit is a programming error. */
    public static byte[] encode(String digits, int n) {
        if (digits.length() > 2 * n || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("cannot write '" + digits + "' as BCD[" + n + "]");
        }
        String padded = "0".repeat(2 * n - digits.length()) + digits;
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (((padded.charAt(2 * i) - '0') << 4) | (padded.charAt(2 * i + 1) - '0'));
        }
        return out;
    }
}
