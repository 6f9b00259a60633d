package dev.anjian.jobs.bench;

import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.Industry;
import dev.anjian.events.Quality;
import dev.anjian.events.SensorReading;
import dev.anjian.jobs.FlinkDefaults;
import dev.anjian.jobs.RegisteredEvent;
import dev.anjian.jobs.influx.EventPoints;
import dev.anjian.jobs.influx.InfluxDbSink;
import dev.anjian.jobs.influx.InfluxTarget;
import dev.anjian.jobs.influx.PointMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.influxdb.InfluxDB;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;

/**
 * Points per second and CPU of the InfluxDB sink alone, against the real InfluxDB, in a scratch database
 * dropped after the run. A local MiniCluster job (parallelism 1, checkpoints every 10 s as the job) chains a
 * generator of production-shaped readings (6 tags, 2 fields, ms precision, {@code series} series, one point
 * per series and second of event time, so every point is new) to the sink; the clock runs from the first
 * generated point to the end of the job, when the sink has flushed everything. Not a test: run by hand
 * (BENCHMARKS.md). Variants:
 * <ul>
 *   <li>{@code after}: the product's {@link InfluxDbSink} with {@link EventPoints} (-Dbench.gzip=true,
 *       -Dbench.pending=N set its influx.gzip and influx.max-pending-batches);</li>
 *   <li>{@code before}: the sink as it was ({@link InfluxSinkBenchBefore});</li>
 *   <li>{@code raw}: no Flink, one thread writing influxdb-java batches of the same points (the baseline);</li>
 *   <li>{@code discard}: the job with a discarding sink (the generator's and Flink's own CPU).</li>
 * </ul>
 * Arguments: variant, points (default 2,000,000), series (10,000), batch size (5,000); -Dbench.influx=URL
 * (default http://127.0.0.1:18086), -Dbench.influxdPid=PID (default: the test stack's pid file).
 */
public final class InfluxSinkBench {

    static final AtomicLong FIRST_POINT_NANOS = new AtomicLong();

    public static void main(String[] args) throws Exception {
        String variant = args.length > 0 ? args[0] : "after";
        long points = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000L;
        int series = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 5_000;
        String url = System.getProperty("bench.influx", "http://127.0.0.1:18086");
        String database = "bench_sink_" + variant + "_" + UUID.randomUUID().toString().substring(0, 8);
        Readings readings = new Readings(series, System.currentTimeMillis() / 1000 * 1000 - points / series * 1000);

        InfluxSinkBenchCpu cpu = InfluxSinkBenchCpu.start();
        try (InfluxSinkBenchScratch scratch = InfluxSinkBenchScratch.of(url, database)) {
            double seconds = variant.equals("raw")
                    ? raw(scratch, readings, points, batch)
                    : job(sink(variant, url, database, batch), readings, points);
            InfluxSinkBenchCpu.Used used = cpu.stop();
            long stored = variant.equals("discard") ? points : scratch.storedReadings();
            System.out.printf(Locale.ROOT, "variant=%s%s points=%d series=%d batch=%d seconds=%.1f points/s=%.0f "
                            + "stored=%d %s load=%s%n", variant, options(variant), points, series, batch, seconds,
                    points / seconds, stored, used.describe(points), InfluxSinkBenchCpu.loadAverage());
            if (stored != points) {
                throw new IllegalStateException("stored " + stored + " of " + points + " points");
            }
        }
        System.exit(0); // the MiniCluster leaves non-daemon threads behind
    }

    private static String options(String variant) {
        return variant.equals("after")
                ? " gzip=" + Boolean.getBoolean("bench.gzip") + " pending=" + Integer.getInteger("bench.pending", 2)
                : "";
    }

    private static Sink<RegisteredEvent> sink(String variant, String url, String database, int batch) {
        return switch (variant) {
            case "after" -> new InfluxDbSink<>(new InfluxTarget(url, database, "", "", batch, 0, Duration.ZERO,
                    Boolean.getBoolean("bench.gzip"), Integer.getInteger("bench.pending", 2)), new EventPoints());
            case "before" -> new InfluxSinkBenchBefore.OldSink<>(url, database, batch,
                    (PointMapper<RegisteredEvent>) InfluxSinkBenchBefore::readingPoint);
            case "discard" -> new DiscardingSink<>();
            default -> throw new IllegalArgumentException("variant is after, before, raw or discard, was " + variant);
        };
    }

    /** Seconds from the first generated point until the job finished (every point flushed). */
    private static double job(Sink<RegisteredEvent> sink, Readings readings, long points) throws Exception {
        Path checkpoints = Files.createTempDirectory("bench-sink-checkpoints");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                FlinkDefaults.checkpointed(Duration.ofSeconds(10), checkpoints, FlinkDefaults.DEFAULT_MAX_PARALLELISM));
        env.setParallelism(1);
        env.fromSource(new NumberSequenceSource(0, points - 1), WatermarkStrategy.noWatermarks(), "numbers")
                .map(new ToReading(readings), TypeInformation.of(RegisteredEvent.class)).name("to-reading")
                .sinkTo(sink).name("influx-sink");
        env.execute("bench-influx-sink");
        return (System.nanoTime() - FIRST_POINT_NANOS.get()) / 1e9;
    }

    /** Seconds for one thread to write every point in influxdb-java batches, as the old sink did. */
    private static double raw(InfluxSinkBenchScratch scratch, Readings readings, long points, int batchSize)
            throws InterruptedException {
        double[] seconds = new double[1];
        RuntimeException[] failure = new RuntimeException[1];
        Thread writer = new Thread(() -> {
            try (InfluxDB influx = scratch.connect()) {
                long start = System.nanoTime();
                FIRST_POINT_NANOS.set(start);
                for (long n = 0; n < points; ) {
                    List<Point> batch = new ArrayList<>(batchSize);
                    for (int i = 0; i < batchSize && n < points; i++) {
                        batch.add(InfluxSinkBenchBefore.readingPoint(readings.event(n++)));
                    }
                    influx.write(BatchPoints.database(scratch.database()).precision(TimeUnit.MILLISECONDS)
                            .points(batch).build());
                }
                seconds[0] = (System.nanoTime() - start) / 1e9;
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, "bench-influx-raw");
        writer.start();
        writer.join();
        if (failure[0] != null) {
            throw failure[0];
        }
        return seconds[0];
    }

    /** Reading n: methane sensor GAS-(n % series) of enterprise E(device % 10), one per series and second. */
    record Readings(int series, long baseMillis) implements java.io.Serializable {
        RegisteredEvent event(long n) {
            int device = (int) (n % series);
            long time = baseMillis + (n / series) * 1_000;
            DeviceEvent event = DeviceEvent.reading("GAS-" + device, time, time + 40,
                    new SensorReading("CH4", 0.3 + (n % 17) * 0.01, "%", Quality.NORMAL));
            return new RegisteredEvent(event, "E" + (device % 10), "410100", Industry.COAL_MINE, DeviceKind.GAS_SENSOR);
        }
    }

    private static final class ToReading implements MapFunction<Long, RegisteredEvent> {
        private static final long serialVersionUID = 1L;
        private final Readings readings;

        ToReading(Readings readings) {
            this.readings = readings;
        }

        @Override
        public RegisteredEvent map(Long n) {
            if (n == 0) {
                FIRST_POINT_NANOS.set(System.nanoTime());
            }
            return readings.event(n);
        }
    }

    private InfluxSinkBench() {
    }
}
