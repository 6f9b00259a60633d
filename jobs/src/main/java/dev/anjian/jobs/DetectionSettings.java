package dev.anjian.jobs;

import dev.anjian.jobs.vehicle.VehicleRuleSettings;
import java.io.Serializable;
import java.time.Duration;

/**
 * The detection rules' parameters (keys in {@code config/jobs.properties}): the late-data horizon; the
 * stuck-value rule (zero = off); the offline detector's disconnect grace, restart grace and longest hold of
 * an OFFLINE judgement for input lag (zero = off); how long closed episodes still accept acknowledge/handle
 * commands and how long an untouched open episode is kept; the event-time watermarks; the vehicle rules.
 */
public record DetectionSettings(
        Duration lateHorizon,
        Duration stuckAfter,
        Duration disconnectGrace,
        Duration restoreGrace,
        Duration maxLagHold,
        Duration closedRetention,
        Duration openRetention,
        Duration outOfOrderness,
        Duration idleness,
        VehicleRuleSettings vehicle) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static DetectionSettings defaults() {
        return new DetectionSettings(Duration.ofMinutes(5), Duration.ZERO, Duration.ofSeconds(60),
                Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofDays(30),
                Duration.ofSeconds(10), Duration.ofSeconds(30), VehicleRuleSettings.defaults());
    }

    public Lateness lateness() {
        return Lateness.of(lateHorizon);
    }
}
