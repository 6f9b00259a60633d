package dev.anjian.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobsSettingsTest {

    @Test
    void defaultsMatchTheDocumentedExampleFile() {
        JobsSettings settings = JobsSettings.from(Config.of(Map.of(), Map.of()));

        assertThat(settings.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.topics().deviceEvents()).isEqualTo("anjian.device-events");
        assertThat(settings.groupId()).isEqualTo("anjian-monitoring");
        assertThat(settings.parallelism()).isEqualTo(2);
        assertThat(settings.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.checkpointDir()).isEqualTo(Path.of("var/checkpoints").toAbsolutePath());
        assertThat(settings.resumeFromCheckpoint()).isTrue();
        assertThat(settings.tmpDir()).isEqualTo(Path.of("var/tmp/flink").toAbsolutePath());
        assertThat(settings.influx().url()).isEqualTo("http://127.0.0.1:8086");
        assertThat(settings.influx().database()).isEqualTo("anjian");
        assertThat(settings.influx().hasCredentials()).isFalse();
        assertThat(settings.influx().batchSize()).isEqualTo(5000);
        assertThat(settings.influx().maxRetries()).isEqualTo(5);
        assertThat(settings.influx().retryBackoff()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void environmentOverridesTheFile() {
        JobsSettings settings = JobsSettings.from(Config.of(
                Map.of("parallelism", "4", "influx.username", "writer", "influx.password", "s3cret"),
                Map.of("ANJIAN_PARALLELISM", "3", "ANJIAN_TOPIC_PREFIX", "demo.", "ANJIAN_CHECKPOINT_INTERVAL", "2s")));

        assertThat(settings.parallelism()).isEqualTo(3);
        assertThat(settings.topics().alarms()).isEqualTo("demo.alarms");
        assertThat(settings.checkpointInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.influx().hasCredentials()).isTrue();
        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void invalidValuesNameTheKey() {
        assertThatThrownBy(() -> JobsSettings.from(Config.of(Map.of("parallelism", "0"), Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'parallelism'");
        assertThatThrownBy(() -> JobsSettings.from(Config.of(Map.of("influx.batch-size", "lots"), Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'influx.batch-size'");
        assertThatThrownBy(() -> JobsSettings.from(Config.of(Map.of("influx.max-retries", "-1"), Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'influx.max-retries'");
        assertThatThrownBy(() -> JobsSettings.from(Config.of(Map.of("checkpoint.interval", "0s"), Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'checkpoint.interval'");
    }
}
