package dev.anjian.jobs;

import dev.anjian.common.Config;
import dev.anjian.jobs.vehicle.VehicleRuleSettings;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Settings of the monitoring job, read once from {@link Config} (keys and defaults documented in
 * {@code config/jobs.properties}): what every job has ({@link FlinkJobSettings}) and the detection rules.
 */
public record JobsSettings(FlinkJobSettings flink, DetectionSettings detection) {

    /** The monitoring job's keys of the settings every job has: {@code parallelism}, {@code checkpoint.dir} ... */
    private static final FlinkJobSettings.Keys KEYS = new FlinkJobSettings.Keys("", "kafka.group-id",
            "anjian-monitoring", 2, Duration.ofSeconds(10), "var/checkpoints", "var/tmp/flink");

    public static JobsSettings from(Config config) {
        return new JobsSettings(FlinkJobSettings.from(config, KEYS), detection(config));
    }

    private static DetectionSettings detection(Config config) {
        DetectionSettings defaults = DetectionSettings.defaults();
        return new DetectionSettings(
                config.nonNegativeDuration("late.horizon", defaults.lateHorizon()),
                config.nonNegativeDuration("sensor.stuck-after", defaults.stuckAfter()),
                config.nonNegativeDuration("offline.disconnect-grace", defaults.disconnectGrace()),
                config.nonNegativeDuration("offline.restore-grace", defaults.restoreGrace()),
                config.nonNegativeDuration("offline.max-lag-hold", defaults.maxLagHold()),
                config.positiveDuration("alarm.closed-retention", defaults.closedRetention()),
                config.positiveDuration("alarm.open-retention", defaults.openRetention()),
                config.nonNegativeDuration("watermark.out-of-orderness", defaults.outOfOrderness()),
                config.positiveDuration("watermark.idleness", defaults.idleness()),
                vehicle(config, defaults.vehicle()));
    }

    private static VehicleRuleSettings vehicle(Config config, VehicleRuleSettings defaults) {
        return new VehicleRuleSettings(
                config.nonNegativeDuration("vehicle.overspeed-for", defaults.overspeedFor()),
                config.integer("vehicle.moving-speed-kmh", (int) defaults.movingSpeedKmh(), 1),
                config.positiveDuration("vehicle.max-continuous-driving", defaults.maxContinuousDriving()),
                config.positiveDuration("vehicle.min-rest", defaults.minRest()),
                localTime(config, "vehicle.night-start", defaults.nightStart()),
                localTime(config, "vehicle.night-end", defaults.nightEnd()),
                zone(config, "vehicle.time-zone", defaults.zone()));
    }

    private static LocalTime localTime(Config config, String key, LocalTime defaultValue) {
        String text = config.string(key, defaultValue.toString());
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw Config.invalid(key, "a local time like 02:00", text);
        }
    }

    private static ZoneId zone(Config config, String key, ZoneId defaultValue) {
        String text = config.string(key, defaultValue.getId());
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw Config.invalid(key, "a time zone like Asia/Shanghai", text);
        }
    }
}
