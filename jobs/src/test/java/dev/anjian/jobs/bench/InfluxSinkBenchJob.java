package dev.anjian.jobs.bench;

import dev.anjian.events.AlarmCommand;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceStatus;
import dev.anjian.jobs.Decoded;
import dev.anjian.jobs.DetectionSettings;
import dev.anjian.jobs.FlinkDefaults;
import dev.anjian.jobs.MonitoringPipeline;
import dev.anjian.jobs.PipelineSinks;
import dev.anjian.jobs.RegisteredEvent;
import dev.anjian.jobs.RegistryUpdate;
import dev.anjian.jobs.influx.AlarmPoints;
import dev.anjian.jobs.influx.EventPoints;
import dev.anjian.jobs.influx.InfluxDbSink;
import dev.anjian.jobs.influx.InfluxTarget;
import dev.anjian.jobs.influx.PointMapper;
import dev.anjian.jobs.influx.StatusPoints;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The InfluxDB sinks inside the whole monitoring topology: {@link ThroughputBench}'s events (10,000 devices,
 * 90 % methane readings, 10 % coach positions, EventJson written and read) through
 * {@link MonitoringPipeline#build} into the real InfluxDB (reading, vehicle, alarm, device_status points; Kafka
 * sinks discarded), object reuse and checkpoints every 10 s as the job. The sink shares its task with the
 * detectors, as in production, so a synchronous write stalls them. Events/s = events / seconds from the first
 * generated event to the last (backpressure ties the generator to the sink; the last batches, flushed at the
 * next checkpoint, are then awaited and counted). Not a test: run by hand. Arguments: before|after, events
 * (default 2,000,000), parallelism (default 1); -Dbench.batch (points per write, default 5,000), -Dbench.gzip,
 * -Dbench.pending, -Dbench.influx, -Dbench.influxdPid as {@link InfluxSinkBench}.
 */
public final class InfluxSinkBenchJob {

    static final AtomicLong LAST_EVENT_NANOS = new AtomicLong();
    private static final int BATCH = Integer.getInteger("bench.batch", 5000);

    public static void main(String[] args) throws Exception {
        String variant = args.length > 0 ? args[0] : "after";
        long events = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000L;
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        String url = System.getProperty("bench.influx", "http://127.0.0.1:18086");
        String database = "bench_job_" + variant + "_" + UUID.randomUUID().toString().substring(0, 8);

        Configuration config = FlinkDefaults.checkpointed(Duration.ofSeconds(10),
                Files.createTempDirectory("bench-job-checkpoints"), FlinkDefaults.DEFAULT_MAX_PARALLELISM);
        config.set(PipelineOptions.OBJECT_REUSE, true); // as MonitoringJob.flinkConfig
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        var registry = env.fromData(ThroughputBench.registry(), TypeInformation.of(new TypeHint<Decoded<RegistryUpdate>>() { }));
        var commands = env.fromData(List.of(Decoded.of(new AlarmCommand(AlarmCommand.Type.HANDLE, "A-NONE", "GAS-0",
                "bench", "", 1L, 0L))), TypeInformation.of(new TypeHint<Decoded<AlarmCommand>>() { }));
        var stream = env.fromSource(new NumberSequenceSource(0, events - 1), WatermarkStrategy.noWatermarks(), "numbers")
                .map(new TimedEvents(events), TypeInformation.of(new TypeHint<Decoded<DeviceEvent>>() { }))
                .assignTimestampsAndWatermarks(MonitoringPipeline.eventTime(DetectionSettings.defaults()));
        MonitoringPipeline.build(stream, registry, commands, DetectionSettings.defaults(), new PipelineSinks(
                new DiscardingSink<>(), new DiscardingSink<>(), new CountingDeadLetters(),
                sink(variant, url, database, new EventPoints()), sink(variant, url, database, new AlarmPoints()),
                sink(variant, url, database, new StatusPoints())));

        InfluxSinkBenchCpu cpu = InfluxSinkBenchCpu.start();
        try (InfluxSinkBenchScratch scratch = InfluxSinkBenchScratch.of(url, database)) {
            JobClient job = env.executeAsync("bench-influx-sink-job");
            while (LAST_EVENT_NANOS.get() == 0) {
                Thread.sleep(20);
            }
            double seconds = (LAST_EVENT_NANOS.get() - InfluxSinkBench.FIRST_POINT_NANOS.get()) / 1e9;
            var tasks = CpuUse.perTask();
            InfluxSinkBenchCpu.Used used = cpu.stop();
            long deadLettered = CountingDeadLetters.COUNT.get() - 1; // the bench's HANDLE of an unknown alarm is one
            long expected = events - deadLettered;
            long stored = awaitStored(scratch, expected);
            double storedSeconds = (System.nanoTime() - InfluxSinkBench.FIRST_POINT_NANOS.get()) / 1e9;
            System.out.printf(Locale.ROOT, "job variant=%s batch=%d events=%d parallelism=%d seconds=%.1f events/s=%.0f "
                            + "stored=%d of %d (dead-lettered %d) all-stored-after=%.1fs %s load=%s%n", variant, BATCH, events,
                    parallelism, seconds, events / seconds, stored, expected, deadLettered,
                    storedSeconds, used.describe(events), InfluxSinkBenchCpu.loadAverage());
            tasks.entrySet().stream().filter(task -> task.getValue() >= 0.1).forEach(task ->
                    System.out.printf(Locale.ROOT, "  task cpu-seconds=%6.1f  %s%n", task.getValue(), task.getKey()));
            cancel(job);
        }
        System.exit(0); // the MiniCluster leaves non-daemon threads behind
    }

    private static <T> Sink<T> sink(String variant, String url, String database, PointMapper<T> mapper) {
        return switch (variant) {
            case "after" -> new InfluxDbSink<>(new InfluxTarget(url, database, "", "", BATCH, 0, Duration.ZERO,
                    Boolean.getBoolean("bench.gzip"), Integer.getInteger("bench.pending", 2)), mapper);
            case "before" -> new InfluxSinkBenchBefore.OldSink<>(url, database, BATCH, mapper);
            default -> throw new IllegalArgumentException("variant is after or before, was " + variant);
        };
    }

    /** The job may have ended by itself (bounded input, once its timers are gone): then there is nothing to cancel. */
    private static void cancel(JobClient job) {
        try {
            job.cancel().get();
        } catch (Exception e) {
            System.out.println("job not cancelled (ended by itself?): " + e.getMessage());
        }
    }

    /** Every event point stored (the last batches wait for the next checkpoint), or what there is after 60 s. */
    private static long awaitStored(InfluxSinkBenchScratch scratch, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long stored = scratch.storedEventPoints();
        while (stored < expected && System.nanoTime() < deadline) {
            Thread.sleep(500);
            stored = scratch.storedEventPoints();
        }
        return stored;
    }

    /** ThroughputBench's JSON events, timing the first and the last. */
    private static final class TimedEvents implements MapFunction<Long, Decoded<DeviceEvent>> {
        private static final long serialVersionUID = 1L;
        private final ThroughputBench.JsonEvents json = new ThroughputBench.JsonEvents();
        private final long events;

        TimedEvents(long events) {
            this.events = events;
        }

        @Override
        public Decoded<DeviceEvent> map(Long n) {
            if (n == 0) {
                InfluxSinkBench.FIRST_POINT_NANOS.set(System.nanoTime());
            }
            if (n == events - 1) {
                LAST_EVENT_NANOS.set(System.nanoTime());
            }
            return json.map(n);
        }
    }

    /** Counts dead letters (events that overtook their device's registration) in this JVM. */
    private static final class CountingDeadLetters implements Sink<DeadLetter> {
        static final AtomicLong COUNT = new AtomicLong();
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<DeadLetter> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(DeadLetter letter, Context ctx) {
                    COUNT.incrementAndGet();
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private InfluxSinkBenchJob() {
    }
}
