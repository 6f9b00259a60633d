package dev.anjian.ingest.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * The {@code ts} field of a telemetry payload as UTC epoch milliseconds. Accepted forms:
 * epoch milliseconds ({@code 1795939200000}), ISO-8601 with an offset ({@code "2026-11-29T16:00:00+08:00"},
 * {@code "2026-11-29T08:00:00Z"}), or China local time without a zone ({@code "2026-11-29 16:00:00"},
 * {@code "2026-11-29T16:00:00"}), read as GMT+8 because device clocks in China run on it. All four
 * examples are the same instant. Absent or null: the time the gateway received the message.
 */
final class TelemetryTime {

    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    /** Earlier values are almost always epoch seconds sent by mistake, which would land in January 1970. */
    static final long EARLIEST = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
    static final long LATEST = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();

    private static final String FORMS = "epoch milliseconds, ISO-8601 with offset (2026-11-29T16:00:00+08:00)"
            + " or China local time (2026-11-29 16:00:00)";

    private TelemetryTime() {
    }

    static long read(JsonNode ts, long receivedAt) {
        if (ts == null || ts.isNull()) {
            return receivedAt;
        }
        if (ts.isNumber()) {
            return inRange(epochMillis(ts), ts.toString());
        }
        if (ts.isTextual()) {
            return inRange(parseText(ts.textValue()), ts.textValue());
        }
        throw new PayloadRejected("field 'ts' must be " + FORMS + ", was " + Texts.shown(ts));
    }

    private static long epochMillis(JsonNode ts) {
        if (ts.isIntegralNumber() && ts.canConvertToLong()) {
            return ts.longValue();
        }
        double value = ts.doubleValue();
        if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < LATEST) {
            return (long) value;
        }
        throw new PayloadRejected("field 'ts' must be whole epoch milliseconds, was " + Texts.shown(ts));
    }

    private static long parseText(String text) {
        String iso = text.trim();
        if (iso.length() > 10 && iso.charAt(10) == ' ') {
            iso = iso.substring(0, 10) + 'T' + iso.substring(11);
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime withOffset
                    ? withOffset.toInstant().toEpochMilli()
                    : ((LocalDateTime) parsed).toInstant(CHINA).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new PayloadRejected("field 'ts' must be " + FORMS + ", was " + Texts.quoted(text));
        }
    }

    private static long inRange(long epochMillis, String shown) {
        if (epochMillis < EARLIEST) {
            throw new PayloadRejected("field 'ts' " + Texts.shorten(shown)
                    + " is before 2000-01-01 (epoch seconds instead of milliseconds?)");
        }
        if (epochMillis >= LATEST) {
            throw new PayloadRejected("field 'ts' " + Texts.shorten(shown) + " is after 2100-01-01");
        }
        return epochMillis;
    }
}
