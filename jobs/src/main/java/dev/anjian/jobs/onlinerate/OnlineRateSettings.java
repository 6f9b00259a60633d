package dev.anjian.jobs.onlinerate;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import dev.anjian.events.Topics;
import dev.anjian.jobs.influx.InfluxTarget;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Settings of the online-rate job, read once from {@link Config}; keys and defaults documented in
 * {@code config/onlinerate.properties}. Shares {@code kafka.bootstrap}, {@code topic.prefix} and
 * {@code influx.*} with the monitoring job; its own keys start with {@code onlinerate.}.
 */
public record OnlineRateSettings(
        String kafkaBootstrap,
        Topics topics,
        String groupId,
        int parallelism,
        Duration checkpointInterval,
        Path checkpointDir,
        boolean resumeFromCheckpoint,
        Path tmpDir,
        InfluxTarget influx,
        LocalDays days,
        Duration closeDelay,
        Duration emitInterval,
        Duration unregisteredRetention) {

    public static OnlineRateSettings from(Config config) {
        return new OnlineRateSettings(
                config.string("kafka.bootstrap", "127.0.0.1:9092"),
                new Topics(config.string("topic.prefix", Topics.DEFAULT_PREFIX)),
                config.string("onlinerate.group-id", "anjian-onlinerate"),
                atLeastOne("onlinerate.parallelism", config.integer("onlinerate.parallelism", 1)),
                positive("onlinerate.checkpoint.interval",
                        config.duration("onlinerate.checkpoint.interval", Duration.ofSeconds(30))),
                Path.of(config.string("onlinerate.checkpoint.dir", "var/checkpoints-onlinerate")).toAbsolutePath(),
                config.bool("onlinerate.checkpoint.resume", true),
                Path.of(config.string("onlinerate.flink.tmp-dir", "var/tmp/flink-onlinerate")).toAbsolutePath(),
                new InfluxTarget(
                        config.string("influx.url", "http://127.0.0.1:8086"),
                        config.string("influx.database", "anjian"),
                        config.string("influx.username", ""),
                        config.string("influx.password", ""),
                        atLeastOne("influx.batch-size", config.integer("influx.batch-size", 5000)),
                        Math.max(0, config.integer("influx.max-retries", 5)),
                        config.duration("influx.retry-backoff", Duration.ofMillis(500))),
                new LocalDays(zone(config.string("onlinerate.time-zone", "Asia/Shanghai"))),
                notNegative("onlinerate.day-close-delay",
                        config.duration("onlinerate.day-close-delay", Duration.ofMinutes(5))),
                positive("onlinerate.emit-interval", config.duration("onlinerate.emit-interval", Duration.ofMinutes(1))),
                positive("onlinerate.unregistered-retention",
                        config.duration("onlinerate.unregistered-retention", Duration.ofDays(1))));
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw invalid("onlinerate.time-zone", "a time zone like Asia/Shanghai", text);
        }
    }

    private static int atLeastOne(String key, int value) {
        if (value < 1) {
            throw invalid(key, ">= 1", Integer.toString(value));
        }
        return value;
    }

    private static Duration positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw invalid(key, "> 0", value.toString());
        }
        return value;
    }

    private static Duration notNegative(String key, Duration value) {
        if (value.isNegative()) {
            throw invalid(key, ">= 0", value.toString());
        }
        return value;
    }

    private static ConfigException invalid(String key, String expected, String was) {
        return new ConfigException("config key '" + key + "' (env " + Config.envName(key) + ") must be " + expected
                + ", was " + was);
    }
}
