package dev.anjian.jobs;

import dev.anjian.common.Config;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;

/**
 * What every anjian Flink job runs with: no Kryo fallback, a fixed maximum parallelism, heap state, filesystem
 * checkpoints kept on cancel.
 */
public final class FlinkDefaults {

    /**
     * The default maximum parallelism: what Flink itself picks for a job of parallelism up to 85, so that
     * checkpoints taken before the setting existed still restore.
     */
    public static final int DEFAULT_MAX_PARALLELISM = 128;

    /** The largest maximum parallelism Flink accepts (2^15 key groups). */
    private static final int UPPER_BOUND = 32768;

    private FlinkDefaults() {
    }

    /**
     * Checkpointing on (exactly-once state; sinks are at-least-once), retained so a restart can resume.
     * {@code maxParallelism} is the number of key groups keyed state is split into: the most parallel the job
     * can ever be rescaled to from a savepoint, and fixed once the job has state (a savepoint only restores
     * into the same number).
     */
    public static Configuration checkpointed(Duration interval, Path checkpointDir, int maxParallelism) {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(PipelineOptions.MAX_PARALLELISM, maxParallelism);
        config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
        config.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        config.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir.toUri().toString());
        config.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        return config;
    }

    /** A job's maximum parallelism from {@code key}: at least its parallelism, at most Flink's 32768. */
    public static int maxParallelism(Config config, String key, int parallelism) {
        int value = config.integer(key, Math.max(DEFAULT_MAX_PARALLELISM, parallelism), 1);
        if (value < parallelism || value > UPPER_BOUND) {
            throw Config.invalid(key, "between the parallelism (" + parallelism + ") and " + UPPER_BOUND,
                    Integer.toString(value));
        }
        return value;
    }
}
