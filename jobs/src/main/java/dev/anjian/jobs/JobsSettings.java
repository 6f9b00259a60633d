package dev.anjian.jobs;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import dev.anjian.events.Topics;
import dev.anjian.jobs.influx.InfluxTarget;
import java.nio.file.Path;
import java.time.Duration;

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
        InfluxTarget influx) {

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
                influx(config));
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
