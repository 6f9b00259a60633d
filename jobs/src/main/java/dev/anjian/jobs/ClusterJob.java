package dev.anjian.jobs;

import java.util.function.Consumer;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of our Flink jobs submitted from its {@code main} to a Flink cluster (session or application mode;
 * {@code flink run} or REST {@code /jars/<id>/run}), the counterpart of {@link LocalJob}. The cluster's
 * environment is used as it comes: a savepoint to resume from ({@code -s}, REST {@code savepointPath}) is
 * part of it. The cluster owns where checkpoints go ({@code execution.checkpointing.dir}) unless the job's
 * configuration names a folder itself.
 */
public final class ClusterJob {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterJob.class);

    private ClusterJob() {
    }

    /**
     * Builds the job and hands it to the cluster; returns once it is submitted (detached submission: the
     * job's result is never read, it throws there).
     */
    public static void submit(String name, Configuration jobConfig, FlinkJobSettings flink,
            Consumer<StreamExecutionEnvironment> wiring) throws Exception {
        boolean ownCheckpointDir = flink.ownCheckpointDir();
        int parallelism = flink.parallelism();
        Configuration config = forCluster(jobConfig, ownCheckpointDir);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        LOG.info("{}: parallelism {}, max parallelism {}, checkpoints every {} in {}", name, parallelism,
                config.get(PipelineOptions.MAX_PARALLELISM), config.get(CheckpointingOptions.CHECKPOINTING_INTERVAL),
                ownCheckpointDir ? config.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)
                        : "the cluster's " + CheckpointingOptions.CHECKPOINTS_DIRECTORY.key());
        wiring.accept(env);
        env.execute(name); // no JobExecutionResult read: it throws under detached submission
    }

    /** The job's own Flink settings as submitted: without a checkpoint folder unless the job names one. */
    static Configuration forCluster(Configuration jobConfig, boolean ownCheckpointDir) {
        Configuration config = new Configuration(jobConfig);
        if (!ownCheckpointDir) {
            config.removeConfig(CheckpointingOptions.CHECKPOINTS_DIRECTORY);
        }
        return config;
    }
}
