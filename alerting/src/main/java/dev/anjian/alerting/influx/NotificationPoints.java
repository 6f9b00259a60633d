package dev.anjian.alerting.influx;

import dev.anjian.alerting.pipeline.AlertingCounters;
import dev.anjian.events.Notification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Best-effort copy of the notifications ledger into InfluxDB for the dashboards: {@link #offer} is called
 * after each ledger write succeeded and never blocks nor throws; a background thread writes batches of
 * {@link NotificationPoint}s, retrying a failed batch {@code maxRetries} times with doubling backoff, then
 * dropping it (the ledger stays the source of truth). Written and dropped points are counted in
 * {@link AlertingCounters}; an outage is logged once when it starts and once when it ends.
 */
public final class NotificationPoints implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationPoints.class);
    static final int BATCH_MAX = 500;
    static final int QUEUE_MAX = 10_000;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final long IDLE_POLL_MILLIS = 200;

    private final InfluxSettings settings;
    private final AlertingCounters counters;
    private final InfluxDB influx;
    private final BlockingQueue<Notification> queue = new ArrayBlockingQueue<>(QUEUE_MAX);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicBoolean overflowing = new AtomicBoolean();
    private Thread writer;
    private boolean outage;
    private long droppedInOutage;
    private boolean databaseReady;

    public NotificationPoints(InfluxSettings settings, AlertingCounters counters) {
        this.settings = settings;
        this.counters = counters;
        this.influx = connect(settings);
    }

    /** Starts the writer thread; returns at once (InfluxDB need not be up). */
    public synchronized void start() {
        if (writer != null) {
            throw new IllegalStateException("notification points writer already started");
        }
        writer = new Thread(this::run, "alerting-influx");
        writer.setDaemon(true);
        writer.start();
        LOG.info("alerting writes notification points to {} (measurement {}), best effort", settings,
                NotificationPoint.MEASUREMENT);
    }

    /** Queues one point for {@code notification}; when the queue is full the point is dropped and counted. */
    public void offer(Notification notification) {
        if (queue.offer(notification)) {
            return;
        }
        counters.influxFailed(1);
        if (overflowing.compareAndSet(false, true)) {
            LOG.warn("InfluxDB {}: {} notification points waiting, dropping new ones until it catches up"
                    + " (the ledger keeps every notification)", settings.url(), QUEUE_MAX);
        }
    }

    private void run() {
        try {
            while (stopping.getCount() > 0 || !queue.isEmpty()) {
                Notification first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Notification> batch = new ArrayList<>(BATCH_MAX);
                batch.add(first);
                queue.drainTo(batch, BATCH_MAX - 1);
                write(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            counters.influxFailed(queue.size());
            LOG.warn("InfluxDB writer interrupted, {} notification points not written", queue.size());
        }
    }

    private void write(List<Notification> batch) throws InterruptedException {
        BatchPoints points = BatchPoints.database(settings.database()).precision(TimeUnit.NANOSECONDS).build();
        batch.forEach(n -> points.point(NotificationPoint.of(n)));
        Duration backoff = settings.retryBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                ensureDatabase();
                influx.write(points);
                written(batch.size());
                return;
            } catch (RuntimeException e) { // InfluxDBException incl. IO: refused, reset, timed out
                if (e instanceof InfluxDBException.DatabaseNotFoundException) {
                    databaseReady = false;
                }
                LOG.debug("InfluxDB write of {} points failed (attempt {}): {}", batch.size(), attempt, e.toString());
                // While closing, a failed batch is not retried: close must not wait out an outage.
                if (attempt > settings.maxRetries() || stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                    dropped(batch.size(), attempt, e);
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void ensureDatabase() {
        if (databaseReady) {
            return;
        }
        String name = settings.database().replace("\\", "\\\\").replace("\"", "\\\"");
        // CREATE DATABASE is idempotent in InfluxDB 1.x: a no-op when the database exists.
        QueryResult result = influx.query(new Query("CREATE DATABASE \"" + name + "\"", null, true));
        if (result.hasError()) {
            throw new InfluxDBException("CREATE DATABASE " + settings.database() + ": " + result.getError());
        }
        databaseReady = true;
    }

    private void written(int points) {
        counters.influxWritten(points);
        overflowing.set(false);
        if (outage) {
            LOG.info("InfluxDB {} reachable again: notification points written again ({} dropped during the outage)",
                    settings.url(), droppedInOutage);
            outage = false;
            droppedInOutage = 0;
        }
    }

    private void dropped(int points, int attempts, RuntimeException e) {
        counters.influxFailed(points);
        droppedInOutage += points;
        if (!outage) {
            outage = true;
            LOG.warn("InfluxDB {} unavailable ({} attempts: {}): dropping notification points for the dashboards"
                    + " until it is back; SMS and the ledger are not affected", settings.url(), attempts, e.getMessage());
        }
    }

    /** Writes what is queued (one attempt per batch), then stops; waits at most 10 s. */
    @Override
    public synchronized void close() {
        stopping.countDown();
        if (writer != null) {
            try {
                writer.join(CLOSE_TIMEOUT.toMillis());
                if (writer.isAlive()) {
                    LOG.warn("InfluxDB writer did not finish within {} s; stopping it", CLOSE_TIMEOUT.toSeconds());
                    writer.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("interrupted while waiting for the InfluxDB writer to finish");
            }
        }
        influx.close();
    }

    private static InfluxDB connect(InfluxSettings settings) {
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(10, TimeUnit.SECONDS)
                .writeTimeout(10, TimeUnit.SECONDS);
        return settings.hasCredentials()
                ? InfluxDBFactory.connect(settings.url(), settings.username(), settings.password(), http)
                : InfluxDBFactory.connect(settings.url(), http);
    }
}
