package dev.anjian.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Flink MiniCluster running one job, for the local demo and end-to-end tests (no Flink
 * installation). Every server binds 127.0.0.1 on a random port. Flink unpacks its RPC system (~21 MB)
 * and spills into {@code io.tmp.dirs}: this cluster gets its own folder under {@code tmpRoot}, deleted on
 * {@link #stop()}.
 */
final class LocalFlinkCluster {

    private static final Logger LOG = LoggerFactory.getLogger(LocalFlinkCluster.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String LOOPBACK = "127.0.0.1";

    private final MiniCluster cluster;
    private final Path tmpDir;
    private JobID jobId;

    private LocalFlinkCluster(MiniCluster cluster, Path tmpDir) {
        this.cluster = cluster;
        this.tmpDir = tmpDir;
    }

    static LocalFlinkCluster start(Configuration flinkConfig, int slots, Path tmpRoot) throws Exception {
        Files.createDirectories(tmpRoot);
        Path tmpDir = Files.createTempDirectory(tmpRoot, "minicluster-");
        Configuration config = new Configuration(flinkConfig);
        config.set(CoreOptions.TMP_DIRS, tmpDir.toString());
        // Loopback only: the blob server and the shuffle server otherwise bind the wildcard address.
        config.set(JobManagerOptions.BIND_HOST, LOOPBACK);
        config.set(TaskManagerOptions.BIND_HOST, LOOPBACK);
        config.set(TaskManagerOptions.HOST, LOOPBACK);
        config.set(RestOptions.BIND_ADDRESS, LOOPBACK);
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(config)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .setCommonBindAddress(LOOPBACK)
                .withRandomPorts()
                .build());
        try {
            cluster.start();
        } catch (Exception e) {
            deleteRecursively(tmpDir);
            throw e;
        }
        return new LocalFlinkCluster(cluster, tmpDir);
    }

    /** Submits the job and returns once it is RUNNING (its tasks may still be deploying). */
    JobID run(StreamGraph job) throws Exception {
        jobId = cluster.submitJob(job).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).getJobID();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JobStatus status = cluster.getJobStatus(jobId).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        while (status != JobStatus.RUNNING) {
            if (status.isGloballyTerminalState()) {
                Throwable cause = cluster.requestJobResult(jobId).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                        .getSerializedThrowable().orElse(null);
                throw new IllegalStateException("job " + job.getJobName() + " ended while starting: " + status, cause);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + job.getJobName() + " not running after " + TIMEOUT + ": " + status);
            }
            Thread.sleep(50); // polling the cluster's own status: there is no listener for it
            status = cluster.getJobStatus(jobId).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        return jobId;
    }

    Path tmpDir() {
        return tmpDir;
    }

    /** Cancels the job, waits for it to end, stops the cluster and deletes its temporary files. */
    void stop() throws Exception {
        try {
            if (jobId != null && !cluster.getJobStatus(jobId).get().isGloballyTerminalState()) {
                cluster.cancelJob(jobId).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                cluster.requestJobResult(jobId).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            cluster.closeAsync().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            deleteRecursively(tmpDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete Flink temporary folder {}: {}", dir, e.getMessage());
        }
    }
}
