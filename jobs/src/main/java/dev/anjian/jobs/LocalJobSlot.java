package dev.anjian.jobs;

import java.util.function.Consumer;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Where a job object ({@code new MonitoringJob(settings)}) keeps its local run: empty, or one {@link LocalJob}.
 * Starting twice is a mistake; closing an empty slot is not (so {@code close()} is safe in any finally).
 */
public final class LocalJobSlot implements AutoCloseable {

    private final String name;
    private LocalJob job;

    public LocalJobSlot(String name) {
        this.name = name;
    }

    /** Starts the job on a local MiniCluster ({@link LocalJob#start}) and returns its id once it is running. */
    public synchronized JobID start(Configuration flinkConfig, FlinkJobSettings flink,
            Consumer<StreamExecutionEnvironment> wiring) throws Exception {
        if (job != null) {
            throw new IllegalStateException(name + " already started");
        }
        job = LocalJob.start(name, flinkConfig, flink, wiring);
        return job.jobId();
    }

    /** Cancels the job (its last checkpoint is kept to resume from) and stops the local cluster; no-op when empty. */
    @Override
    public synchronized void close() {
        if (job != null) {
            try {
                job.close();
            } finally {
                job = null;
            }
        }
    }
}
