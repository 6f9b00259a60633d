package dev.anjian.storage.report;

import java.time.Duration;
import java.time.Instant;

/**
 * One alarm episode for the audit: when it was raised, its highest level, who acknowledged it and how soon,
 * who handled it; {@code null} times for what did not happen (an alarm without {@code handledAt} is unhandled).
 */
public record AlarmRecord(String alarmId, String device, String enterprise, String type, String rule, int maxLevel,
        Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy, Instant clearedAt, Instant handledAt,
        String handledBy) {

    public boolean handled() {
        return handledAt != null;
    }

    /** Raised to acknowledged, or null when never acknowledged. */
    public Duration timeToAcknowledge() {
        return acknowledgedAt == null ? null : Duration.between(raisedAt, acknowledgedAt);
    }
}
