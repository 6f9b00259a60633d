package dev.anjian.jobs.influx;

import java.io.IOException;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends each element's point to a batch of line protocol and hands every full batch to a background
 * thread that writes it (InfluxDB 1.x HTTP write API) while the task fills the next one. {@link #flush} (Flink
 * calls it before each checkpoint barrier and at end of input) hands over the partial batch and returns only
 * once every point handed over is written, so a checkpoint never acknowledges an unwritten point. A failed
 * write or database creation is retried ({@link RetryingWrites}); then the writer throws, at the next write or
 * flush, and the job restarts from its last checkpoint and replays the points.
 */
public final class InfluxDbWriter<T> implements SinkWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxDbWriter.class);

    private final PointMapper<T> mapper;
    private final int batchSize;
    private final InfluxHttp http;
    private final BackgroundWrites background;
    private LineBatch filling = new LineBatch();

    public InfluxDbWriter(InfluxTarget target, PointMapper<T> mapper, SinkWriterMetricGroup metrics)
            throws IOException {
        this(target, mapper, metrics, "InfluxDB writer " + target.database());
    }

    /** {@code threadName}: the background writer's, e.g. "InfluxDB writer EventPoints 1/2". */
    public InfluxDbWriter(InfluxTarget target, PointMapper<T> mapper, SinkWriterMetricGroup metrics,
                          String threadName) throws IOException {
        this.mapper = mapper;
        this.batchSize = target.batchSize();
        this.http = new InfluxHttp(target, mapper.precision());
        RetryingWrites writes = new RetryingWrites(http, target, metrics.getNumRecordsSendCounter(),
                metrics.getNumBytesSendCounter(), metrics.counter("influxWriteRetries"));
        try {
            writes.createDatabase();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            http.close();
            throw new IOException("interrupted while creating InfluxDB database " + target.database(), e);
        } catch (IOException e) {
            http.close();
            throw e;
        }
        this.background = new BackgroundWrites(threadName, target.maxPendingBatches(), writes::write);
        LOG.info("InfluxDB sink writer open: {}, precision {}, points of {}", target, mapper.precision(),
                mapper.getClass().getSimpleName());
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        background.throwIfFailed();
        if (mapper.appendTo(filling, element) && filling.lines() >= batchSize) {
            filling = background.handOver(filling);
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        if (filling.lines() > 0) {
            filling = background.handOver(filling);
        }
        background.awaitWritten();
    }

    @Override
    public void close() {
        try {
            background.stop();
            http.cancelCalls(); // a request in flight: a blocking socket read ignores the interrupt
            background.close();
        } finally {
            http.close();
        }
    }

    /** Points not yet handed to the background writer (for tests and diagnostics). */
    public int pending() {
        return filling.lines();
    }
}
