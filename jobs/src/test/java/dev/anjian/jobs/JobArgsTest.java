package dev.anjian.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobArgsTest {

    @TempDir
    Path dir;

    @Test
    void setOverridesTheEnvironmentWhichOverridesTheFile() throws IOException {
        Path file = dir.resolve("jobs.properties");
        Files.writeString(file, "kafka.bootstrap=10.0.0.1:9092\nparallelism=4\ntopic.prefix=file.\n");
        JobArgs args = JobArgs.parse("--config", file.toString(), "--set", "parallelism=6",
                "--set", "influx.url=http://h:1=2");
        Config config = args.config(Map.of("ANJIAN_PARALLELISM", "5", "ANJIAN_TOPIC_PREFIX", "env."));

        assertThat(config.string("kafka.bootstrap")).isEqualTo("10.0.0.1:9092");
        assertThat(config.string("topic.prefix")).isEqualTo("env.");
        assertThat(config.integer("parallelism", 1)).isEqualTo(6);
        assertThat(config.string("influx.url")).as("only the first = splits").isEqualTo("http://h:1=2");
    }

    @Test
    void aBareArgumentIsTheFileAndNoArgumentsMeanDefaultsAndEnvironment() throws IOException {
        Path file = dir.resolve("jobs.properties");
        Files.writeString(file, "parallelism=3\n");

        assertThat(JobArgs.parse(file.toString()).config(Map.of()).integer("parallelism", 1)).isEqualTo(3);
        assertThat(JobArgs.parse().config(Map.of("ANJIAN_PARALLELISM", "7")).integer("parallelism", 1)).isEqualTo(7);
        assertThat(JobArgs.parse().configFile()).isEmpty();
    }

    @Test
    void malformedArgumentsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> JobArgs.parse("--set", "parallelism")).isInstanceOf(ConfigException.class)
                .hasMessage("--set needs key=value, was 'parallelism'");
        assertThatThrownBy(() -> JobArgs.parse("--config")).hasMessage("--config needs a value");
        assertThatThrownBy(() -> JobArgs.parse("--parallelism", "3"))
                .hasMessageContaining("unknown program argument '--parallelism'");
        assertThatThrownBy(() -> JobArgs.parse("a.properties", "b.properties")).hasMessageContaining("'a.properties'");
        assertThatThrownBy(() -> JobArgs.parse("--config", dir.resolve("missing").toString()).config(Map.of()))
                .hasMessageStartingWith("config file not found");
    }

    @Test
    void onAClusterTheCheckpointFolderIsTheClustersUnlessConfigured() {
        JobsSettings settings = JobsSettings.from(JobArgs.parse("--set", "max-parallelism=256").config(Map.of()));
        Configuration jobConfig = MonitoringJob.flinkConfig(settings);

        Configuration clusters = ClusterJob.forCluster(jobConfig, false);
        Configuration own = ClusterJob.forCluster(jobConfig, true);

        assertThat(clusters.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isFalse();
        assertThat(own.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .isEqualTo(settings.flink().checkpointDir().toUri().toString());
        assertThat(clusters.get(PipelineOptions.MAX_PARALLELISM)).isEqualTo(256);
        assertThat(settings.flink().ownCheckpointDir()).isFalse();
        assertThat(JobsSettings.from(JobArgs.parse("--set", "checkpoint.dir=/cp").config(Map.of())).flink()
                .ownCheckpointDir()).isTrue();
        assertThat(JobArgs.isSet(JobArgs.parse().config(Map.of()), "checkpoint.dir")).isFalse();
        assertThat(JobArgs.isSet(JobArgs.parse("--set", "checkpoint.dir=/cp").config(Map.of()), "checkpoint.dir"))
                .isTrue();
    }
}
