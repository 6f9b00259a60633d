package dev.anjian.jobs.onlinerate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import dev.anjian.jobs.FlinkJobSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnlineRateSettingsTest {

    @Test
    void defaultsAreChinaLocalDaysEveryMinuteClosedFiveMinutesAfterMidnight() {
        OnlineRateSettings settings = OnlineRateSettings.from(Config.of(Map.of(), Map.of()));

        assertThat(settings.days().zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(settings.emitInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.closeDelay()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.flink().topics().onlineRates()).isEqualTo("anjian.online-rates");
        assertThat(settings.flink().influx().database()).isEqualTo("anjian");
        assertThat(settings.flink().groupId()).isEqualTo("anjian-onlinerate");
        assertThat(settings.flink().parallelism()).isEqualTo(1);
        assertThat(settings.flink().maxParallelism()).isEqualTo(128);
    }

    @Test
    void environmentOverridesAndBadValuesNameTheKey() {
        OnlineRateSettings settings = OnlineRateSettings.from(Config.of(Map.of("onlinerate.emit-interval", "10s"),
                Map.of("ANJIAN_ONLINERATE_TIME_ZONE", "UTC")));
        assertThat(settings.days().zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(settings.emitInterval()).isEqualTo(Duration.ofSeconds(10));

        assertThatThrownBy(() -> OnlineRateSettings.from(Config.of(Map.of("onlinerate.time-zone", "Mars/Olympus"),
                Map.of()))).isInstanceOf(ConfigException.class).hasMessageContaining("onlinerate.time-zone");
        assertThatThrownBy(() -> OnlineRateSettings.from(Config.of(Map.of("onlinerate.emit-interval", "0s"),
                Map.of()))).isInstanceOf(ConfigException.class).hasMessageContaining("onlinerate.emit-interval");
        assertThatThrownBy(() -> OnlineRateSettings.from(Config.of(Map.of("onlinerate.parallelism", "2",
                "onlinerate.max-parallelism", "1"), Map.of()))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("onlinerate.max-parallelism");
    }

    @Test
    void itsFlinkKeysAreItsOwnNotTheMonitoringJobs() {
        FlinkJobSettings defaults = OnlineRateSettings.from(Config.of(Map.of("checkpoint.dir", "/monitoring",
                "parallelism", "4", "kafka.group-id", "monitoring"), Map.of())).flink();
        assertThat(defaults.checkpointInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.checkpointDir()).isEqualTo(Path.of("var/checkpoints-onlinerate").toAbsolutePath());
        assertThat(defaults.ownCheckpointDir()).isFalse();
        assertThat(defaults.resumeFromCheckpoint()).isTrue();
        assertThat(defaults.tmpDir()).isEqualTo(Path.of("var/tmp/flink-onlinerate").toAbsolutePath());
        assertThat(defaults.parallelism()).isEqualTo(1);
        assertThat(defaults.groupId()).isEqualTo("anjian-onlinerate");

        FlinkJobSettings set = OnlineRateSettings.from(Config.of(Map.of("onlinerate.checkpoint.dir", "/cp",
                "onlinerate.checkpoint.interval", "5s", "onlinerate.checkpoint.resume", "false",
                "onlinerate.flink.tmp-dir", "/tmp/or", "onlinerate.parallelism", "3"), Map.of())).flink();
        assertThat(set.checkpointDir()).isEqualTo(Path.of("/cp"));
        assertThat(set.ownCheckpointDir()).isTrue();
        assertThat(set.checkpointInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(set.resumeFromCheckpoint()).isFalse();
        assertThat(set.tmpDir()).isEqualTo(Path.of("/tmp/or"));
        assertThat(set.parallelism()).isEqualTo(3);
    }
}
