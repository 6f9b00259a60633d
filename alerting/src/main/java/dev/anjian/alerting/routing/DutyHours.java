package dev.anjian.alerting.routing;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * When a contact is on duty, in China Standard Time (GMT+8): {@code 08:00-20:00} is the day shift,
 * {@code 20:00-08:00} wraps past midnight. The start is included, the end excluded; {@link #ALWAYS} when a
 * contact has no {@code hours}.
 */
public record DutyHours(LocalTime from, LocalTime to) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final DutyHours ALWAYS = new DutyHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    /** Parses {@code HH:mm-HH:mm}; throws IllegalArgumentException with the expected form. */
    public static DutyHours parse(String text) {
        String[] parts = text.strip().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("must be HH:mm-HH:mm (GMT+8), e.g. 08:00-20:00, was '" + text + "'");
        }
        try {
            return new DutyHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be HH:mm-HH:mm (GMT+8), e.g. 08:00-20:00, was '" + text + "'");
        }
    }

    public boolean covers(Instant instant) {
        if (from.equals(to)) {
            return true;
        }
        LocalTime local = instant.atZone(CHINA).toLocalTime();
        return from.isBefore(to)
                ? !local.isBefore(from) && local.isBefore(to)
                : !local.isBefore(from) || local.isBefore(to);
    }

    @Override
    public String toString() {
        return from.equals(to) ? "always" : from + "-" + to;
    }
}
