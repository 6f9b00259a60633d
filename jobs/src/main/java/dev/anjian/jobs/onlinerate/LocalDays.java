package dev.anjian.jobs.onlinerate;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Local calendar days as numbers (epoch days of the local date) in the regulator's zone, GMT+8 for China:
 * day {@code 20786} is 2026-11-29, from {@code 2026-11-28T16:00:00Z} (inclusive) to {@code 2026-11-29T16:00:00Z}.
 * Instants are epoch seconds: the online-rate computation is exact to the second.
 */
public record LocalDays(ZoneId zone) implements Serializable {

    private static final long serialVersionUID = 1L;

    public LocalDays {
        if (zone == null) {
            throw new IllegalArgumentException("zone is required");
        }
    }

    public static LocalDays china() {
        return new LocalDays(ZoneId.of("Asia/Shanghai"));
    }

    public long dayOf(long epochSecond) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), zone).toEpochDay();
    }

    /** The first second of {@code day}. */
    public long startOf(long day) {
        return LocalDate.ofEpochDay(day).atStartOfDay(zone).toEpochSecond();
    }

    /** The first second of the next day (exclusive end of {@code day}). */
    public long endOf(long day) {
        return startOf(day + 1);
    }

    public LocalDate date(long day) {
        return LocalDate.ofEpochDay(day);
    }
}
