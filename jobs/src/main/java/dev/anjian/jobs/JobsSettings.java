package dev.anjian.jobs;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
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
        Duration checkpointInterval,
        Path checkpointDir,
        boolean resumeFromCheckpoint,
        Path tmpDir,
        InfluxTarget influx,
        DetectionSettings detection) {

    public static JobsSettings from(Config config) {
        return new JobsSettings(
                config.string("kafka.bootstrap", "127.0.0.1:9092"),
                new Topics(config.string("topic.prefix", Topics.DEFAULT_PREFIX)),
                config.string("kafka.group-id", "anjian-monitoring"),
                atLeast("parallelism", config.integer("parallelism", 2), 1),
                positive("checkpoint.interval", config.duration("checkpoint.interval", Duration.ofSeconds(10))),
                Path.of(config.string("checkpoint.dir", "var/checkpoints")).toAbsolutePath(),
                config.bool("checkpoint.resume", true),
                Path.of(config.string("flink.tmp-dir", "var/tmp/flink")).toAbsolutePath(),
                influx(config),
                detection(config));
    }

    private static DetectionSettings detection(Config config) {
        DetectionSettings defaults = DetectionSettings.defaults();
        return new DetectionSettings(
                notNegative("late.horizon", config.duration("late.horizon", defaults.lateHorizon())),
                notNegative("sensor.stuck-after", config.duration("sensor.stuck-after", defaults.stuckAfter())),
                notNegative("offline.disconnect-grace",
                        config.duration("offline.disconnect-grace", defaults.disconnectGrace())),
                notNegative("offline.restore-grace", config.duration("offline.restore-grace", defaults.restoreGrace())),
                positive("alarm.closed-retention", config.duration("alarm.closed-retention", defaults.closedRetention())),
                positive("alarm.open-retention", config.duration("alarm.open-retention", defaults.openRetention())),
                notNegative("watermark.out-of-orderness",
                        config.duration("watermark.out-of-orderness", defaults.outOfOrderness())),
                positive("watermark.idleness", config.duration("watermark.idleness", defaults.idleness())),
                vehicle(config, defaults.vehicle()));
    }

    private static VehicleRuleSettings vehicle(Config config, VehicleRuleSettings defaults) {
        return new VehicleRuleSettings(
                notNegative("vehicle.overspeed-for", config.duration("vehicle.overspeed-for", defaults.overspeedFor())),
                atLeast("vehicle.moving-speed-kmh", config.integer("vehicle.moving-speed-kmh",
                        (int) defaults.movingSpeedKmh()), 1),
                positive("vehicle.max-continuous-driving",
                        config.duration("vehicle.max-continuous-driving", defaults.maxContinuousDriving())),
                positive("vehicle.min-rest", config.duration("vehicle.min-rest", defaults.minRest())),
                localTime(config, "vehicle.night-start", defaults.nightStart()),
                localTime(config, "vehicle.night-end", defaults.nightEnd()),
                zone(config, "vehicle.time-zone", defaults.zone()));
    }

    private static LocalTime localTime(Config config, String key, LocalTime defaultValue) {
        String text = config.string(key, defaultValue.toString());
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(key, "a local time like 02:00", text);
        }
    }

    private static ZoneId zone(Config config, String key, ZoneId defaultValue) {
        String text = config.string(key, defaultValue.getId());
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw invalid(key, "a time zone like Asia/Shanghai", text);
        }
    }

    private static ConfigException invalid(String key, String expected, String was) {
        return new ConfigException("config key '" + key + "' (env " + Config.envName(key) + ") must be " + expected
                + ", was " + was);
    }

    private static Duration notNegative(String key, Duration value) {
        if (value.isNegative()) {
            throw invalid(key, ">= 0", value.toString());
        }
        return value;
    }

    private static InfluxTarget influx(Config config) {
        return new InfluxTarget(
                config.string("influx.url", "http://127.0.0.1:8086"),
                config.string("influx.database", "anjian"),
                config.string("influx.username", ""),
                config.string("influx.password", ""),
                atLeast("influx.batch-size", config.integer("influx.batch-size", 5000), 1),
                atLeast("influx.max-retries", config.integer("influx.max-retries", 5), 0),
                config.duration("influx.retry-backoff", Duration.ofMillis(500)));
    }

    private static int atLeast(String key, int value, int min) {
        if (value < min) {
            throw new ConfigException("config key '" + key + "' (env " + Config.envName(key) + ") must be >= " + min
                    + ", was " + value);
        }
        return value;
    }

    private static Duration positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new ConfigException("config key '" + key + "' (env " + Config.envName(key) + ") must be > 0, was " + value);
        }
        return value;
    }
}
