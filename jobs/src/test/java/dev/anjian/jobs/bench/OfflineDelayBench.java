package dev.anjian.jobs.bench;

import dev.anjian.events.AlarmCommand;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceStatus;
import dev.anjian.events.SensorReading;
import dev.anjian.jobs.Decoded;
import dev.anjian.jobs.DetectionSettings;
import dev.anjian.jobs.MonitoringPipeline;
import dev.anjian.jobs.PipelineSinks;
import dev.anjian.jobs.RegistryUpdate;
import dev.anjian.jobs.TestDevices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Offline-detection delay: how long after a device's deadline (last message + offline timeout) the job
 * emits its OFFLINE status, in processing time. The whole topology of {@link MonitoringPipeline#build} on a
 * local MiniCluster; N gas sensors with a short timeout are registered, each reports once (rate-limited, so
 * deadlines are spread and many timers fire while readings still arrive) and then goes silent. A device whose
 * report overtook its registration is dead-lettered and goes OFFLINE "never reported" at registration +
 * timeout: the same timer path. Delay = wall clock at the device-status sink minus the status's
 * {@code since} (the deadline). Restore grace is 0: it only applies within 30 s of a (re)start, by design.
 * Not a test: run it by hand, see BENCHMARKS.md. Arguments: devices (10,000), timeout seconds (5),
 * reports per second (2,000), parallelism (1).
 */
public final class OfflineDelayBench {

    static final ConcurrentLinkedQueue<Long> DELAYS = new ConcurrentLinkedQueue<>();
    static final AtomicInteger NEVER_REPORTED = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int timeoutSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double rate = args.length > 2 ? Double.parseDouble(args[2]) : 2_000;
        int parallelism = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(PipelineOptions.OBJECT_REUSE, true);
        config.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(10));
        config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "bench-checkpoints").toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);

        DetectionSettings defaults = DetectionSettings.defaults();
        DetectionSettings settings = new DetectionSettings(defaults.lateHorizon(), defaults.stuckAfter(),
                defaults.disconnectGrace(), Duration.ZERO, defaults.maxLagHold(), defaults.closedRetention(),
                defaults.openRetention(), defaults.outOfOrderness(), defaults.idleness(), defaults.vehicle());
        var registry = env.fromData(registry(devices, timeoutSeconds),
                TypeInformation.of(new TypeHint<Decoded<RegistryUpdate>>() { }));
        // Unbounded, one stray command a second: once every source has ended Flink finishes the job and
        // drops pending processing-time timers, so something must keep it running while the devices are silent.
        var commands = env.fromSource(new DataGeneratorSource<>(n -> Decoded.of(new AlarmCommand(
                        AlarmCommand.Type.HANDLE, "A-NONE", "GAS-0", "bench", "", 1L, 0L)), Long.MAX_VALUE,
                        RateLimiterStrategy.perSecond(1), TypeInformation.of(new TypeHint<Decoded<AlarmCommand>>() { })),
                WatermarkStrategy.noWatermarks(), "keep-alive commands");
        var reports = env.fromSource(new DataGeneratorSource<>(OfflineDelayBench::report, devices,
                        RateLimiterStrategy.perSecond(rate), TypeInformation.of(new TypeHint<Decoded<DeviceEvent>>() { })),
                MonitoringPipeline.eventTime(settings), "one report per device");
        MonitoringPipeline.build(reports, registry, commands, settings, new PipelineSinks(new DiscardingSink<>(),
                new OfflineTimes(), new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>(),
                new DiscardingSink<>()));

        JobClient job = env.executeAsync("offline-delay-bench");
        long bound = System.nanoTime() + Duration.ofSeconds(60 + timeoutSeconds + (long) (devices / rate)).toNanos();
        while (DELAYS.size() < devices && System.nanoTime() < bound) { // bounded: a missing OFFLINE is reported
            Thread.sleep(50);
        }
        job.cancel().get();
        long[] delays = DELAYS.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("devices=%d timeout=%ds reports/s=%.0f parallelism=%d offline=%d (never reported %d) "
                        + "missing=%d delay ms: min=%d p50=%d p99=%d max=%d%n", devices, timeoutSeconds, rate,
                parallelism, delays.length, NEVER_REPORTED.get(), devices - delays.length, delays[0],
                percentile(delays, 50), percentile(delays, 99), delays[delays.length - 1]);
        System.out.println("delays ms, every 10th percentile: " + Arrays.toString(
                java.util.stream.IntStream.rangeClosed(0, 10).map(i -> (int) percentile(delays, i * 10)).toArray()));
    }

    static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static List<Decoded<RegistryUpdate>> registry(int devices, int timeoutSeconds) {
        List<Decoded<RegistryUpdate>> updates = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            Device sensor = TestDevices.gasSensor("GAS-" + i, TestDevices.methane(0, 0));
            Device device = new Device(sensor.deviceId(), sensor.kind(), sensor.enterpriseId(), sensor.enterpriseName(),
                    sensor.regionCode(), sensor.industry(), sensor.location(), timeoutSeconds, sensor.metrics(), null);
            updates.add(Decoded.of(RegistryUpdate.registered(device)));
        }
        return updates;
    }

    /** Device n's one report, taken and received now. */
    static Decoded<DeviceEvent> report(long n) {
        long now = System.currentTimeMillis();
        return Decoded.of(DeviceEvent.reading("GAS-" + n, now, now, new SensorReading("CH4", 0.4, "%", null)));
    }

    /** Records, for each OFFLINE status, the wall clock at arrival minus its deadline. */
    static final class OfflineTimes implements Sink<DeviceStatus> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<DeviceStatus> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(DeviceStatus status, Context ctx) {
                    if (status.status() == DeviceStatus.Status.OFFLINE) {
                        DELAYS.add(System.currentTimeMillis() - status.since());
                        if (status.reason().startsWith("never reported")) {
                            NEVER_REPORTED.incrementAndGet();
                        }
                    }
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

    private OfflineDelayBench() {
    }
}
