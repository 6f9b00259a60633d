package dev.anjian.jobs.vehicle;

import java.io.Serializable;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The derived vehicle rules' parameters: overspeed held for {@code overspeedFor}; fatigue after
 * {@code maxContinuousDriving} without a rest of {@code minRest} (stopped, or no report at all, that long);
 * moving means at least {@code movingSpeedKmh} (below it, GNSS jitter of a parked vehicle); coaches moving
 * between {@code nightStart} and {@code nightEnd} local time in {@code zone} (may wrap midnight).
 */
public record VehicleRuleSettings(
        Duration overspeedFor,
        double movingSpeedKmh,
        Duration maxContinuousDriving,
        Duration minRest,
        LocalTime nightStart,
        LocalTime nightEnd,
        ZoneId zone) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The regulation's defaults: 10 s overspeed, 4 h driving / 20 min rest, coaches 02:00-05:00 China time. */
    public static VehicleRuleSettings defaults() {
        return new VehicleRuleSettings(Duration.ofSeconds(10), 5.0, Duration.ofHours(4), Duration.ofMinutes(20),
                LocalTime.of(2, 0), LocalTime.of(5, 0), ZoneId.of("Asia/Shanghai"));
    }

    boolean isNight(long epochMillis) {
        LocalTime local = java.time.Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalTime();
        return nightStart.isBefore(nightEnd)
                ? !local.isBefore(nightStart) && local.isBefore(nightEnd)
                : !local.isBefore(nightStart) || local.isBefore(nightEnd);
    }
}
