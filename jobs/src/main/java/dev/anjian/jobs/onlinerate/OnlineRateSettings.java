package dev.anjian.jobs.onlinerate;

import dev.anjian.common.Config;
import dev.anjian.events.Topics;
import dev.anjian.jobs.FlinkDefaults;
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
        int maxParallelism,
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
        int parallelism = config.integer("onlinerate.parallelism", 1, 1);
        return new OnlineRateSettings(
                config.string("kafka.bootstrap", "127.0.0.1:9092"),
                new Topics(config.string("topic.prefix", Topics.DEFAULT_PREFIX)),
                config.string("onlinerate.group-id", "anjian-onlinerate"),
                parallelism,
                FlinkDefaults.maxParallelism(config, "onlinerate.max-parallelism", parallelism),
                config.positiveDuration("onlinerate.checkpoint.interval", Duration.ofSeconds(30)),
                Path.of(config.string("onlinerate.checkpoint.dir", "var/checkpoints-onlinerate")).toAbsolutePath(),
                config.bool("onlinerate.checkpoint.resume", true),
                Path.of(config.string("onlinerate.flink.tmp-dir", "var/tmp/flink-onlinerate")).toAbsolutePath(),
                InfluxTarget.from(config),
                new LocalDays(zone(config.string("onlinerate.time-zone", "Asia/Shanghai"))),
                config.nonNegativeDuration("onlinerate.day-close-delay", Duration.ofMinutes(5)),
                config.positiveDuration("onlinerate.emit-interval", Duration.ofMinutes(1)),
                config.positiveDuration("onlinerate.unregistered-retention", Duration.ofDays(1)));
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw Config.invalid("onlinerate.time-zone", "a time zone like Asia/Shanghai", text);
        }
    }
}
