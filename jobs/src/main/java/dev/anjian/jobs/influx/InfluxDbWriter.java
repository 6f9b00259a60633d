package dev.anjian.jobs.influx;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches points and writes them with the InfluxDB 1.x HTTP write API: when the batch is full and on
 * every {@link #flush} (Flink calls it before each checkpoint barrier and at end of input). A failed
 * write or database creation is retried {@code maxRetries} times, backoff doubling (capped at 30 s);
 * then the writer throws and the job restarts from its last checkpoint, the batch kept for replay there.
 */
public final class InfluxDbWriter<T> implements SinkWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxDbWriter.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final InfluxTarget target;
    private final PointMapper<T> mapper;
    private final InfluxDB influx;
    private final List<Point> batch = new ArrayList<>();
    private final Counter written;
    private final Counter retries;
    private boolean databaseMissing;

    public InfluxDbWriter(InfluxTarget target, PointMapper<T> mapper, SinkWriterMetricGroup metrics)
            throws IOException {
        this.target = target;
        this.mapper = mapper;
        this.influx = connect(target);
        this.written = metrics.getNumRecordsSendCounter();
        this.retries = metrics.counter("influxWriteRetries");
        try {
            withRetries("create database " + target.database(), this::createDatabase);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            influx.close();
            throw new IOException("interrupted while creating InfluxDB database " + target.database(), e);
        } catch (IOException e) {
            influx.close();
            throw e;
        }
        LOG.info("InfluxDB sink writer open: {}", target);
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        Point point = mapper.toPoint(element);
        if (point == null) {
            return;
        }
        batch.add(point);
        if (batch.size() >= target.batchSize()) {
            writeBatch();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        writeBatch();
    }

    @Override
    public void close() {
        influx.close();
    }

    /** Points waiting for the next write (for tests and diagnostics). */
    public int pending() {
        return batch.size();
    }

    private void writeBatch() throws IOException, InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        BatchPoints points = BatchPoints.database(target.database())
                .precision(TimeUnit.MILLISECONDS)
                .points(batch)
                .build();
        withRetries("write of " + batch.size() + " points", () -> {
            if (databaseMissing) {
                createDatabase();
            }
            influx.write(points);
        });
        written.inc(batch.size());
        batch.clear();
    }

    private void createDatabase() {
        String name = target.database().replace("\\", "\\\\").replace("\"", "\\\"");
        // CREATE DATABASE is idempotent in InfluxDB 1.x: a no-op when the database exists.
        QueryResult result = influx.query(new Query("CREATE DATABASE \"" + name + "\"", null, true));
        if (result.hasError()) {
            throw new InfluxDBException("CREATE DATABASE " + target.database() + ": " + result.getError());
        }
        databaseMissing = false;
    }

    private void withRetries(String what, Runnable action) throws IOException, InterruptedException {
        Duration backoff = target.retryBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                action.run();
                return;
            } catch (InfluxDBException e) { // includes InfluxDBIOException: refused, reset, timed out
                databaseMissing = e instanceof InfluxDBException.DatabaseNotFoundException;
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

    private static InfluxDB connect(InfluxTarget target) {
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS);
        return target.hasCredentials()
                ? InfluxDBFactory.connect(target.url(), target.username(), target.password(), http)
                : InfluxDBFactory.connect(target.url(), http);
    }
}
