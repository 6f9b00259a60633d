package dev.anjian.jobs.onlinerate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
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
 * The online-rate job on an in-process MiniCluster bound to 127.0.0.1 (the monitoring job's runner is
 * package-private to {@code dev.anjian.jobs}; this is its small twin). Flink's temporary files go to a
 * folder of their own under {@code tmpRoot}, deleted on {@link #stop()}.
 */
final class LocalRunner {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRunner.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String LOOPBACK = "127.0.0.1";

    private final MiniCluster cluster;
    private final Path tmpDir;
    private JobID jobId;

    private LocalRunner(MiniCluster cluster, Path tmpDir) {
        this.cluster = cluster;
        this.tmpDir = tmpDir;
    }

    static LocalRunner start(Configuration flinkConfig, int slots, Path tmpRoot) throws Exception {
        Files.createDirectories(tmpRoot);
        Path tmpDir = Files.createTempDirectory(tmpRoot, "minicluster-");
        Configuration config = new Configuration(flinkConfig);
        config.set(CoreOptions.TMP_DIRS, tmpDir.toString());
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
            delete(tmpDir);
            throw e;
        }
        return new LocalRunner(cluster, tmpDir);
    }

    /** Submits the job and returns once it is RUNNING. */
    JobID run(StreamGraph job) throws Exception {
        jobId = cluster.submitJob(job).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).getJobID();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JobStatus status = cluster.getJobStatus(jobId).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        while (status != JobStatus.RUNNING) {
            if (status.isGloballyTerminalState() || System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + job.getJobName() + " did not start: " + status);
            }
            Thread.sleep(50); // polling the cluster's own status: there is no listener for it
            status = cluster.getJobStatus(jobId).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        return jobId;
    }

    /** Cancels the job, stops the cluster and deletes its temporary files. */
    void stop() throws Exception {
        try {
            if (jobId != null && !cluster.getJobStatus(jobId).get().isGloballyTerminalState()) {
                cluster.cancelJob(jobId).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                cluster.requestJobResult(jobId).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            cluster.closeAsync().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            delete(tmpDir);
        }
    }

    /** The newest retained checkpoint ({@code <dir>/<job id>/chk-<n>/_metadata}) to resume from, if any. */
    static Optional<Path> latestCheckpoint(Path checkpointDir) {
        if (!Files.isDirectory(checkpointDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.find(checkpointDir, 3, (path, attributes) -> attributes.isRegularFile()
                && path.getFileName().toString().equals("_metadata")
                && path.getParent().getFileName().toString().startsWith("chk-"))) {
            return files.max(Comparator.comparing(path -> path.toFile().lastModified())).map(Path::getParent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for checkpoints in " + checkpointDir, e);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(file -> {
                if (!file.delete() && file.exists()) {
                    LOG.warn("could not delete {}", file);
                }
            });
        } catch (IOException e) {
            LOG.warn("could not delete Flink temporary folder {}: {}", dir, e.getMessage());
        }
    }
}
