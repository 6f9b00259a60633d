package dev.anjian.storage.report;

import java.time.Instant;

/** A device offline from {@code start} until {@code end} ({@code null}: still offline at the report's end). */
public record OfflineEpisode(String device, String enterprise, Instant start, Instant end, String reason) {

    /** Seconds offline within the report's range (up to {@code rangeEnd} when still offline). */
    public long seconds(Instant rangeEnd) {
        return (end == null ? rangeEnd : end).getEpochSecond() - start.getEpochSecond();
    }
}
