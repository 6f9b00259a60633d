package dev.anjian.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobsSettingsTest {

    @Test
    void defaultsMatchTheDocumentedExampleFile() {
        JobsSettings settings = JobsSettings.from(Config.of(Map.of(), Map.of()));

        assertThat(settings.flink().kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.flink().topics().deviceEvents()).isEqualTo("anjian.device-events");
        assertThat(settings.flink().groupId()).isEqualTo("anjian-monitoring");
        assertThat(settings.flink().parallelism()).isEqualTo(2);
        assertThat(settings.flink().maxParallelism()).as("what Flink picks itself for parallelism 2").isEqualTo(128);
        assertThat(settings.flink().checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.flink().checkpointDir()).isEqualTo(Path.of("var/checkpoints").toAbsolutePath());
        assertThat(settings.flink().resumeFromCheckpoint()).isTrue();
        assertThat(settings.flink().tmpDir()).isEqualTo(Path.of("var/tmp/flink").toAbsolutePath());
        assertThat(settings.flink().influx().url()).isEqualTo("http://127.0.0.1:8086");
        assertThat(settings.flink().influx().database()).isEqualTo("anjian");
        assertThat(settings.flink().influx().hasCredentials()).isFalse();
        assertThat(settings.flink().influx().batchSize()).isEqualTo(20_000);
        assertThat(settings.flink().influx().maxRetries()).isEqualTo(5);
        assertThat(settings.flink().influx().retryBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.detection()).isEqualTo(DetectionSettings.defaults());
        assertThat(settings.detection().lateHorizon()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.detection().stuckAfter()).as("stuck-value rule off").isZero();
        assertThat(settings.detection().maxLagHold()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.detection().vehicle().nightStart()).isEqualTo(LocalTime.of(2, 0));
        assertThat(settings.detection().vehicle().zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void detectionRulesAreConfigurable() {
        DetectionSettings detection = JobsSettings.from(Config.of(Map.of("late.horizon", "10m",
                "sensor.stuck-after", "30m", "offline.disconnect-grace", "2m", "vehicle.night-start", "01:30",
                "vehicle.time-zone", "UTC", "vehicle.overspeed-for", "20s", "offline.max-lag-hold", "0s"),
                Map.of())).detection();

        assertThat(detection.lateHorizon()).isEqualTo(Duration.ofMinutes(10));
        assertThat(detection.stuckAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(detection.disconnectGrace()).isEqualTo(Duration.ofMinutes(2));
        assertThat(detection.maxLagHold()).as("0 = off").isZero();
        assertThat(detection.vehicle().nightStart()).isEqualTo(LocalTime.of(1, 30));
        assertThat(detection.vehicle().zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(detection.vehicle().overspeedFor()).isEqualTo(Duration.ofSeconds(20));
        assertThatThrownBy(() -> JobsSettings.from(Config.of(Map.of("vehicle.night-end", "5 am"), Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'vehicle.night-end'");
        assertThatThrownBy(() -> JobsSettings.from(Config.of(Map.of("vehicle.time-zone", "Mars/Base"), Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'vehicle.time-zone'");
    }

    @Test
    void environmentOverridesTheFile() {
        JobsSettings settings = JobsSettings.from(Config.of(
                Map.of("parallelism", "4", "influx.username", "writer", "influx.password", "s3cret"),
                Map.of("ANJIAN_PARALLELISM", "3", "ANJIAN_TOPIC_PREFIX", "demo.", "ANJIAN_CHECKPOINT_INTERVAL", "2s")));

        assertThat(settings.flink().parallelism()).isEqualTo(3);
        assertThat(settings.flink().topics().alarms()).isEqualTo("demo.alarms");
        assertThat(settings.flink().checkpointInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.flink().influx().hasCredentials()).isTrue();
        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void invalidValuesNameTheKey() {
        assertThatThrownBy(() -> JobsSettings.from(Config.of(Map.of("parallelism", "0"), Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'parallelism'");
        assertThatThrownBy(() -> JobsSettings.from(Config.of(Map.of("influx.batch-size", "lots"), Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'influx.batch-size'");
        assertThatThrownBy(() -> JobsSettings.from(Config.of(Map.of("parallelism", "4", "max-parallelism", "3"), Map.of())))
                .isInstanceOf(ConfigException.class).hasMessage("config key 'max-parallelism' (env ANJIAN_MAX_PARALLELISM)"
                        + " must be between the parallelism (4) and 32768, was 3");
        assertThatThrownBy(() -> JobsSettings.from(Config.of(Map.of("max-parallelism", "40000"), Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'max-parallelism'");
        assertThatThrownBy(() -> JobsSettings.from(Config.of(Map.of("influx.max-retries", "-1"), Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'influx.max-retries'");
        assertThatThrownBy(() -> JobsSettings.from(Config.of(Map.of("checkpoint.interval", "0s"), Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'checkpoint.interval'");
    }
}
