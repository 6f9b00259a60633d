package dev.anjian.ingest.jt808.codec;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** JT/T 808 time: BCD[6] YYMMDDhhmmss in Beijing time (GMT+8) without a zone marker; years are 20YY. */
public final class Jt808Time {

    public static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private Jt808Time() {
    }

    public static long toEpochMillis(LocalDateTime gmt8) {
        return gmt8.toInstant(BEIJING).toEpochMilli();
    }

    public static LocalDateTime fromEpochMillis(long epochMillis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), 0, BEIJING);
    }

    static LocalDateTime read(ByteReader in, String field) {
        String d = in.bcd(6, field);
        try {
            return LocalDateTime.of(2000 + num(d, 0), num(d, 2), num(d, 4), num(d, 6), num(d, 8), num(d, 10));
        } catch (DateTimeException e) {
            throw new MalformedException("field '" + field + "' is not a valid time: " + d);
        }
    }

    static void write(ByteWriter out, LocalDateTime t) {
        String d = String.format("%02d%02d%02d%02d%02d%02d", t.getYear() % 100, t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond());
        out.bcd(d, 6);
    }

    private static int num(String digits, int at) {
        return Integer.parseInt(digits.substring(at, at + 2));
    }
}
