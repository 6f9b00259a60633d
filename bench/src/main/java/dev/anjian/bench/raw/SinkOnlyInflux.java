package dev.anjian.bench.raw;

import dev.anjian.bench.report.Figure;
import dev.anjian.jobs.FlinkDefaults;
import dev.anjian.jobs.RegisteredEvent;
import dev.anjian.jobs.influx.EventPoints;
import dev.anjian.jobs.influx.InfluxDbSink;
import dev.anjian.jobs.influx.InfluxTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product's InfluxDB sink alone (jobs {@link InfluxDbSink} with {@link EventPoints}, parallelism 1, the
 * jobs' Flink defaults with checkpoints every 10 s) in a local MiniCluster in this JVM, fed by a generator of
 * the same readings as {@link RawInfluxWrites} (source, map and sink chained in one task). The figure is points
 * per second handed to the sink (a steady few batches ahead of what InfluxDB acknowledged), to set against
 * {@link RawInfluxWrites}: the issue asks for at least 0.8 of it.
 */
public final class SinkOnlyInflux {

    private static final Logger LOG = LoggerFactory.getLogger(SinkOnlyInflux.class);
    private static final long MAX_POINTS_PER_SECOND = 1_000_000; // bounds the generator
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CHECKPOINTS = Duration.ofSeconds(10); // as checkpoint.interval's default

    private SinkOnlyInflux() {
    }

    public static Figure run(String influxUrl, String db, Duration duration, int batchSize, int series) {
        LOG.info("InfluxDB sink alone: {} database {}, batches of {}, {} series, {}", influxUrl, db, batchSize, series, duration);
        ToReading.COUNT.set(0);
        Path checkpoints = null;
        try (InfluxAdmin scratch = InfluxAdmin.scratch(influxUrl, db)) {
            checkpoints = Files.createTempDirectory("bench-sink-checkpoints");
            long events = Math.max(1, duration.toSeconds()) * MAX_POINTS_PER_SECOND;
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(
                    FlinkDefaults.checkpointed(CHECKPOINTS, checkpoints, FlinkDefaults.DEFAULT_MAX_PARALLELISM));
            env.setParallelism(1);
            env.fromSource(new NumberSequenceSource(0, events - 1), WatermarkStrategy.noWatermarks(), "readings")
                    .map(new ToReading(new BenchReadings(series, System.currentTimeMillis())),
                            TypeInformation.of(RegisteredEvent.class)).name("to-reading").uid("to-reading")
                    .sinkTo(new InfluxDbSink<>(new InfluxTarget(influxUrl, db, "", "", batchSize, 0, Duration.ZERO),
                            new EventPoints())).name("influx-sink").uid("influx-sink");
            JobClient job = env.executeAsync("bench-sink-only-influx");
            awaitFirstPoints(job);
            // The task thread maps and batches; a sink writing asynchronously has writer threads of its own.
            CpuShares cpu = new CpuShares(Map.of("sink task", "influx-sink", "sink writer", "InfluxDB writer"),
                    CpuShares.thisJvmAnd("influxd"));
            SteadyWindow.Rate rate = SteadyWindow.of(duration).measure(ToReading.COUNT::get, cpu);
            job.cancel().get();
            String note = String.format(Locale.ROOT, "batch %d, %d series, parallelism 1, MiniCluster,"
                    + " source+map+sink %.1f us CPU/point; stored %,d of %,d handed to the sink; %s", batchSize,
                    series, cpu.microsPerItem(rate.perSecond(), "sink task", "sink writer"), scratch.storedReadings(),
                    ToReading.COUNT.get(), cpu.describe());
            LOG.info("InfluxDB sink alone: {} points/s; {}", Math.round(rate.perSecond()), note);
            return new Figure("sink.influx.writes", rate.perSecond(), "points/s", note);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("InfluxDB sink baseline interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("InfluxDB sink baseline failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(checkpoints);
        }
    }

    /** The MiniCluster takes seconds to start: the warm-up begins once the sink maps its first point. */
    private static void awaitFirstPoints(JobClient job) throws Exception {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (ToReading.COUNT.get() == 0) {
            if (System.nanoTime() > deadline || job.getJobStatus().get().isTerminalState()) {
                throw new IllegalStateException("the sink job mapped no point within " + STARTUP_TIMEOUT
                        + " (status " + job.getJobStatus().get() + ")");
            }
            Thread.sleep(50);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete the sink baseline's checkpoints {}: {}", dir, e.toString());
        }
    }

    /**
     * Number n as reading n of {@link BenchReadings}, counted in a JVM-wide counter (the MiniCluster runs in this
     * JVM). Chained to the sink, so the count runs ahead of InfluxDB's by at most the points the sink holds
     * (its batch, and any batches pending in an asynchronous writer): a steady offset, not a rate error.
     */
    private static final class ToReading implements MapFunction<Long, RegisteredEvent> {
        static final AtomicLong COUNT = new AtomicLong();
        private static final long serialVersionUID = 1L;
        private final BenchReadings readings;

        ToReading(BenchReadings readings) {
            this.readings = readings;
        }

        @Override
        public RegisteredEvent map(Long n) {
            COUNT.incrementAndGet();
            return readings.event(n);
        }
    }
}
