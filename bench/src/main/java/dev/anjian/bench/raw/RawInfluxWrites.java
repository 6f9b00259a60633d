package dev.anjian.bench.raw;

import dev.anjian.bench.report.Figure;
import dev.anjian.jobs.influx.EventPoints;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.influxdb.InfluxDB;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raw InfluxDB writes: one thread writing influxdb-java batches exactly as the product's sink writer does
 * (jobs InfluxDbWriter: points from jobs' {@link EventPoints}, {@code BatchPoints} with millisecond precision,
 * the database's default retention policy and consistency, a synchronous {@code write} per full batch), into
 * a scratch database created for the run and dropped after it. The figure is points per second acknowledged
 * by InfluxDB in the steady window; the point shape is a gas reading, e.g.
 * <pre>reading,device=GAS-17,metric=CH4,enterprise=E7,region=410100,industry=COAL_MINE,kind=GAS_SENSOR value=0.42,quality="NORMAL"</pre>
 */
public final class RawInfluxWrites {

    private static final Logger LOG = LoggerFactory.getLogger(RawInfluxWrites.class);
    private static final long MAX_POINTS_PER_SECOND = 1_000_000; // bounds the writer's count

    private RawInfluxWrites() {
    }

    public static Figure run(String influxUrl, String db, Duration duration, int batchSize, int series) {
        LOG.info("raw InfluxDB writes: {} database {}, batches of {}, {} series, {}", influxUrl, db, batchSize, series, duration);
        AtomicLong written = new AtomicLong();
        try (InfluxAdmin scratch = InfluxAdmin.scratch(influxUrl, db); InfluxDB influx = InfluxAdmin.connect(influxUrl)) {
            Writer writer = new Writer(influx, db, batchSize, new BenchReadings(series, System.currentTimeMillis()),
                    written, Math.max(1, duration.toSeconds()) * MAX_POINTS_PER_SECOND);
            Thread thread = new Thread(writer, "bench-influx-writer");
            CpuShares cpu = new CpuShares(Map.of("writer thread", "bench-influx-writer"), CpuShares.thisJvmAnd("influxd"));
            thread.start();
            SteadyWindow.Rate rate = SteadyWindow.of(duration).measure(written::get, cpu);
            writer.stop();
            thread.join(60_000);
            writer.check();
            long stored = scratch.storedReadings();
            String note = String.format(Locale.ROOT, "batch %d, %d series, 1 writer thread (%.1f us CPU/point);"
                    + " stored %,d of %,d written; %s", batchSize, series,
                    cpu.microsPerItem(rate.perSecond(), "writer thread"), stored, written.get(), cpu.describe());
            LOG.info("raw InfluxDB writes: {} points/s; {}", Math.round(rate.perSecond()), note);
            return new Figure("raw.influx.writes", rate.perSecond(), "points/s", note);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("raw InfluxDB writes interrupted", e);
        }
    }

    /** Builds and writes batches until stopped; a failed write ends the baseline (no retries: a raw figure). */
    private static final class Writer implements Runnable {
        private final InfluxDB influx;
        private final String database;
        private final int batchSize;
        private final BenchReadings readings;
        private final AtomicLong written;
        private final long maxPoints;
        private final EventPoints points = new EventPoints();
        private volatile boolean stopping;
        private volatile RuntimeException failure;

        Writer(InfluxDB influx, String database, int batchSize, BenchReadings readings, AtomicLong written, long maxPoints) {
            this.influx = influx;
            this.database = database;
            this.batchSize = batchSize;
            this.readings = readings;
            this.written = written;
            this.maxPoints = maxPoints;
        }

        @Override
        public void run() {
            long n = 0;
            try {
                while (!stopping && n < maxPoints) {
                    List<Point> batch = new ArrayList<>(batchSize);
                    for (int i = 0; i < batchSize; i++) {
                        batch.add(points.toPoint(readings.event(n++)));
                    }
                    influx.write(BatchPoints.database(database).precision(TimeUnit.MILLISECONDS).points(batch).build());
                    written.addAndGet(batch.size());
                }
            } catch (RuntimeException e) {
                failure = e;
                LOG.error("raw InfluxDB writer failed after {} points", written.get(), e);
            }
        }

        void stop() {
            stopping = true;
        }

        void check() {
            if (failure != null) {
                throw new IllegalStateException("raw InfluxDB writes failed: " + failure.getMessage(), failure);
            }
        }
    }
}
