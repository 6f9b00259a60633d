package dev.anjian.jobs;

import java.util.function.Consumer;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of our Flink jobs running on its own in-process MiniCluster (the demo, the CLI, end-to-end tests):
 * resumed from the newest retained checkpoint when asked, wired by the job's own {@code wire(...)}, and
 * cancelled on {@link #close()} with its last checkpoint kept for the next start.
 */
public final class LocalJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalJob.class);

    private final String name;
    private final LocalFlinkCluster cluster;
    private final JobID jobId;

    private LocalJob(String name, LocalFlinkCluster cluster, JobID jobId) {
        this.name = name;
        this.cluster = cluster;
        this.jobId = jobId;
    }

    /** Starts the job and returns once it is RUNNING; on failure, nothing is left running. */
    public static LocalJob start(String name, Configuration flinkConfig, FlinkJobSettings flink,
            Consumer<StreamExecutionEnvironment> wiring) throws Exception {
        int parallelism = flink.parallelism();
        Configuration config = new Configuration(flinkConfig);
        if (flink.resumeFromCheckpoint()) {
            RetainedCheckpoints.latest(flink.checkpointDir()).ifPresent(checkpoint -> {
                LOG.info("{} resumes from checkpoint {}", name, checkpoint);
                config.set(StateRecoveryOptions.SAVEPOINT_PATH, checkpoint.toUri().toString());
                // CLAIM: the new run owns the checkpoint and deletes it once its own checkpoints supersede it.
                config.set(StateRecoveryOptions.RESTORE_MODE, RecoveryClaimMode.CLAIM);
            });
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        wiring.accept(env);
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(name);
        LocalFlinkCluster cluster = LocalFlinkCluster.start(config, parallelism, flink.tmpDir());
        try {
            return new LocalJob(name, cluster, cluster.run(graph));
        } catch (Exception e) {
            try {
                cluster.stop();
            } catch (Exception stopping) {
                e.addSuppressed(stopping);
            }
            throw e;
        }
    }

    public JobID jobId() {
        return jobId;
    }

    /** Cancels the job (its last checkpoint stays to resume from) and stops the cluster. */
    @Override
    public void close() {
        try {
            cluster.stop();
            LOG.info("{} stopped", name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + name, e);
        } catch (Exception e) {
            throw new IllegalStateException("could not stop " + name + " cleanly: " + e.getMessage(), e);
        }
    }
}
