package dev.anjian.jobs.influx;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full batches written by one background thread, in order, while the task fills the next one. At most
 * {@code maxPending} batches are handed over and not yet written: handing over one more waits (backpressure
 * on the task, as a synchronous write did). The first failed write is kept, later batches are skipped, and
 * the task gets the failure as an IOException at its next write, hand-over or {@link #awaitWritten}, so a
 * checkpoint (which awaits every batch) never completes over a batch that was not written.
 */
final class BackgroundWrites implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWrites.class);

    interface BatchWrite {
        void write(LineBatch batch) throws IOException, InterruptedException;
    }

    private final ExecutorService thread;
    private final BatchWrite write;
    private final int maxPending;
    private final ArrayDeque<LineBatch> spare = new ArrayDeque<>(); // guarded by this
    private int pending;                                              // guarded by this
    private volatile Exception failure;

    BackgroundWrites(String threadName, int maxPending, BatchWrite write) {
        this.write = write;
        this.maxPending = maxPending;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread writer = new Thread(task, threadName);
            writer.setDaemon(true);
            return writer;
        });
    }

    /** Hands {@code full} over to be written and returns an empty batch to fill; waits while too many are pending. */
    synchronized LineBatch handOver(LineBatch full) throws IOException, InterruptedException {
        while (pending >= maxPending && failure == null) {
            wait();
        }
        throwIfFailed();
        pending++;
        thread.execute(() -> writeInBackground(full));
        return spare.isEmpty() ? new LineBatch() : spare.pop();
    }

    /** Returns once every batch handed over is written; throws if any was not. */
    synchronized void awaitWritten() throws IOException, InterruptedException {
        while (pending > 0 && failure == null) {
            wait();
        }
        throwIfFailed();
    }

    /** Cheap (one volatile read): for every element the task writes. */
    void throwIfFailed() throws IOException {
        Exception failed = failure;
        if (failed != null) {
            throw new IOException("a background write to InfluxDB failed: " + failed.getMessage(), failed);
        }
    }

    /**
     * Interrupts the thread: a retry's backoff ends and no new request starts. The points not written were not
     * checkpointed: the job replays them.
     */
    void stop() {
        thread.shutdownNow();
    }

    /** Stops the thread and waits for it. */
    @Override
    public void close() {
        stop();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the InfluxDB background writer did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeInBackground(LineBatch batch) {
        Exception failed = new IllegalStateException("the InfluxDB background write ended abnormally"); // an Error
        try {
            if (failure == null) {
                write.write(batch);
            }
            failed = null;
        } catch (IOException | InterruptedException | RuntimeException e) {
            failed = e;
            if (!thread.isShutdown()) {
                LOG.error("InfluxDB write failed; the sink fails at its next write or flush", e);
            }
        } finally {
            batch.clear();
            synchronized (this) {
                if (failed != null && failure == null) {
                    failure = failed;
                }
                pending--;
                spare.push(batch);
                notifyAll();
            }
        }
    }
}
