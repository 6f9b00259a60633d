package dev.anjian.storage.report;

import java.time.LocalDate;

/** One day's online figures of the scope, from an {@code online_rate} point with {@code window=day}. */
public record DailyRate(LocalDate day, long registered, long reported, double reportingRate, long onlineSeconds,
        long registeredSeconds, double onlineRate, boolean complete) {
}
