package dev.anjian.storage;

import java.time.Duration;

/**
 * The retention policies of the anjian database (DESIGN.md "Storage"), durations in weeks:
 * <ul>
 *   <li>{@code defaultPolicy} (default {@code autogen}, the RP InfluxDB creates with the database) made the
 *       database's DEFAULT and kept {@code auditWeeks} (>= 156, 3 years): every point written without an
 *       RP lands here, so alarms, notifications, device_status and online_rate are kept 3 years with the
 *       sink as it is. Altering autogen rather than adding a new default keeps points written before the
 *       setup visible to queries without an RP.</li>
 *   <li>{@code raw} kept {@code rawWeeks} (>= 26, the 6 months of the transport regulation): for reading
 *       and vehicle points once the sink writes them with this RP (until then they stay in the default).</li>
 *   <li>{@code minute} and {@code hour}: downsampled {@code reading_1m} / {@code reading_1h} written by
 *       continuous queries from {@code readingPolicy} (where readings are written: the default today).</li>
 * </ul>
 */
public record RetentionPlan(String defaultPolicy, int auditWeeks, int rawWeeks, int minuteWeeks, int hourWeeks,
        String readingPolicy) {

    public static final String RAW = "raw";
    public static final String MINUTE = "minute";
    public static final String HOUR = "hour";

    public RetentionPlan {
        if (auditWeeks < 156) {
            throw new IllegalArgumentException("alarms and notifications must be kept >= 156 weeks (3 years), was "
                    + auditWeeks);
        }
        if (rawWeeks < 26) {
            throw new IllegalArgumentException("raw readings must be kept >= 26 weeks (6 months), was " + rawWeeks);
        }
        if (minuteWeeks < 1 || hourWeeks < minuteWeeks) {
            throw new IllegalArgumentException("minute aggregates must be kept >= 1 week and hour aggregates at least"
                    + " as long, was " + minuteWeeks + " and " + hourWeeks);
        }
        if (!readingPolicy.equals(defaultPolicy) && !readingPolicy.equals(RAW)) {
            throw new IllegalArgumentException("readings are written to the default RP or to raw, not " + readingPolicy);
        }
    }

    /** autogen 156 weeks DEFAULT, raw 26 weeks, minute 104 weeks, hour 520 weeks; readings in the default. */
    public static RetentionPlan standard() {
        return new RetentionPlan("autogen", 156, 26, 104, 520, "autogen");
    }

    public Duration audit() {
        return Duration.ofDays(7L * auditWeeks);
    }
}
