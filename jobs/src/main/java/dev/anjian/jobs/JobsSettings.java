package dev.anjian.jobs;

import dev.anjian.common.Config;
import dev.anjian.events.Topics;
import dev.anjian.jobs.influx.InfluxTarget;
import dev.anjian.jobs.vehicle.VehicleRuleSettings;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Settings of the monitoring job, read once from {@link Config} (keys and defaults documented in
 * {@code config/jobs.properties}). Relative paths are resolved against the working directory.
 */
public record JobsSettings(
        String kafkaBootstrap,
        Topics topics,
        String groupId,
        int parallelism,
        int maxParallelism,
        Duration checkpointInterval,
        Path checkpointDir,
        boolean resumeFromCheckpoint,
        Path tmpDir,
        InfluxTarget influx,
        DetectionSettings detection) {

    public static JobsSettings from(Config config) {
        int parallelism = config.integer("parallelism", 2, 1);
        return new JobsSettings(
                config.string("kafka.bootstrap", "127.0.0.1:9092"),
                new Topics(config.string("topic.prefix", Topics.DEFAULT_PREFIX)),
                config.string("kafka.group-id", "anjian-monitoring"),
                parallelism,
                FlinkDefaults.maxParallelism(config, "max-parallelism", parallelism),
                config.positiveDuration("checkpoint.interval", Duration.ofSeconds(10)),
                Path.of(config.string("checkpoint.dir", "var/checkpoints")).toAbsolutePath(),
                config.bool("checkpoint.resume", true),
                Path.of(config.string("flink.tmp-dir", "var/tmp/flink")).toAbsolutePath(),
                InfluxTarget.from(config),
                detection(config));
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
