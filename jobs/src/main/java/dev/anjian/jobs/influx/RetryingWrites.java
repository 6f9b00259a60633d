package dev.anjian.jobs.influx;

import java.io.IOException;
import java.time.Duration;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes and database creation with retries: a failed call is retried {@code maxRetries} times, backoff
 * doubling from {@code retryBackoff} (capped at 30 s), then an IOException ends the writer (the job restarts
 * from its last checkpoint). A database that disappeared under a write is created again before the next
 * attempt. Counts written points ({@code numRecordsSend}), their bytes and the retries. Used by one thread at
 * a time: the task while the writer opens, then the background writer.
 */
final class RetryingWrites {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingWrites.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final InfluxHttp http;
    private final InfluxTarget target;
    private final Counter written;
    private final Counter writtenBytes;
    private final Counter retries;
    private boolean databaseMissing;

    RetryingWrites(InfluxHttp http, InfluxTarget target, Counter written, Counter writtenBytes, Counter retries) {
        this.http = http;
        this.target = target;
        this.written = written;
        this.writtenBytes = writtenBytes;
        this.retries = retries;
    }

    void createDatabase() throws IOException, InterruptedException {
        withRetries("create database " + target.database(), http::createDatabase);
    }

    void write(LineBatch batch) throws IOException, InterruptedException {
        withRetries("write of " + batch.lines() + " points", () -> {
            if (databaseMissing) {
                http.createDatabase();
                databaseMissing = false;
            }
            http.write(batch);
        });
        written.inc(batch.lines());
        writtenBytes.inc(batch.sizeBytes());
    }

    private interface Call {
        void run() throws IOException;
    }

    private void withRetries(String what, Call call) throws IOException, InterruptedException {
        Duration backoff = target.retryBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                call.run();
                return;
            } catch (IOException e) { // refused, reset, timed out, or an HTTP error status
                if (Thread.currentThread().isInterrupted()) { // closing: okhttp turns the interrupt into an IOException
                    throw new InterruptedException("InfluxDB " + what + " interrupted");
                }
                databaseMissing = e instanceof InfluxHttpException refused && refused.databaseNotFound();
                if (attempt > target.maxRetries()) {
                    throw new IOException("InfluxDB " + what + " at " + target.url() + " failed after " + attempt
                            + " attempts: " + e.getMessage(), e);
                }
                LOG.warn("InfluxDB {} failed (attempt {} of {}), retrying in {} ms: {}",
                        what, attempt, target.maxRetries() + 1, backoff.toMillis(), e.getMessage());
                retries.inc();
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }
}
