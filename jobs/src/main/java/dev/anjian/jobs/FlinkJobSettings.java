package dev.anjian.jobs;

import dev.anjian.common.Config;
import dev.anjian.events.Topics;
import dev.anjian.jobs.influx.InfluxTarget;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;

/**
 * What every anjian Flink job is configured with, whatever it computes: its Kafka sources, parallelism,
 * checkpoints, local MiniCluster folder and InfluxDB target. Each job reads it under its own {@link Keys}
 * (the monitoring job's {@code checkpoint.dir} is the online-rate job's {@code onlinerate.checkpoint.dir});
 * {@code kafka.bootstrap}, {@code topic.prefix} and {@code influx.*} are shared by all. Relative paths are
 * resolved against the working directory.
 *
 * @param ownCheckpointDir whether the checkpoint folder was configured at all: on a Flink cluster the job then
 *     checkpoints there instead of into the cluster's folder ({@link ClusterJob})
 */
public record FlinkJobSettings(
        String kafkaBootstrap,
        Topics topics,
        String groupId,
        int parallelism,
        int maxParallelism,
        Duration checkpointInterval,
        Path checkpointDir,
        boolean ownCheckpointDir,
        boolean resumeFromCheckpoint,
        Path tmpDir,
        InfluxTarget influx) {

    /**
     * Where one job's keys live and what they default to: {@code prefix} goes before {@code parallelism},
     * {@code max-parallelism}, {@code checkpoint.*} and {@code flink.tmp-dir}; the consumer group has its own key.
     * Example: prefix {@code onlinerate.} reads {@code onlinerate.checkpoint.interval}.
     */
    public record Keys(String prefix, String groupIdKey, String groupId, int parallelism, Duration checkpointInterval,
            String checkpointDir, String tmpDir) {

        String checkpointDirKey() {
            return prefix + "checkpoint.dir";
        }
    }

    public static FlinkJobSettings from(Config config, Keys keys) {
        String prefix = keys.prefix();
        int parallelism = config.integer(prefix + "parallelism", keys.parallelism(), 1);
        return new FlinkJobSettings(
                config.string("kafka.bootstrap", "127.0.0.1:9092"),
                new Topics(config.string("topic.prefix", Topics.DEFAULT_PREFIX)),
                config.string(keys.groupIdKey(), keys.groupId()),
                parallelism,
                FlinkDefaults.maxParallelism(config, prefix + "max-parallelism", parallelism),
                config.positiveDuration(prefix + "checkpoint.interval", keys.checkpointInterval()),
                Path.of(config.string(keys.checkpointDirKey(), keys.checkpointDir())).toAbsolutePath(),
                JobArgs.isSet(config, keys.checkpointDirKey()),
                config.bool(prefix + "checkpoint.resume", true),
                Path.of(config.string(prefix + "flink.tmp-dir", keys.tmpDir())).toAbsolutePath(),
                InfluxTarget.from(config));
    }

    /** The Flink configuration every job starts from: {@link FlinkDefaults#checkpointed} with these settings. */
    public Configuration checkpointed() {
        return FlinkDefaults.checkpointed(checkpointInterval, checkpointDir, maxParallelism);
    }
}
