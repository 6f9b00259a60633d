package dev.anjian.jobs.onlinerate;

import dev.anjian.common.Config;
import dev.anjian.jobs.FlinkJobSettings;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Settings of the online-rate job, read once from {@link Config}; keys and defaults documented in
 * {@code config/onlinerate.properties}. Shares {@code kafka.bootstrap}, {@code topic.prefix} and
 * {@code influx.*} with the monitoring job; its own keys start with {@code onlinerate.}.
 */
public record OnlineRateSettings(
        FlinkJobSettings flink,
        LocalDays days,
        Duration closeDelay,
        Duration emitInterval,
        Duration unregisteredRetention) {

    /** The online-rate job's keys of the settings every job has: {@code onlinerate.parallelism} ... */
    private static final FlinkJobSettings.Keys KEYS = new FlinkJobSettings.Keys("onlinerate.", "onlinerate.group-id",
            "anjian-onlinerate", 1, Duration.ofSeconds(30), "var/checkpoints-onlinerate", "var/tmp/flink-onlinerate");

    public static OnlineRateSettings from(Config config) {
        return new OnlineRateSettings(
                FlinkJobSettings.from(config, KEYS),
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
