package dev.anjian.jobs.bench;

import dev.anjian.events.AlarmCommand;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.EventJson;
import dev.anjian.events.SensorReading;
import dev.anjian.events.VehicleLocation;
import dev.anjian.jobs.Decoded;
import dev.anjian.jobs.DetectionSettings;
import dev.anjian.jobs.MonitoringPipeline;
import dev.anjian.jobs.PipelineSinks;
import dev.anjian.jobs.RegistryUpdate;
import dev.anjian.jobs.TestDevices;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events per second through the whole monitoring topology ({@link MonitoringPipeline#build}: JSON decoding
 * included, every detector, the alarm lifecycle), sinks discarded, heap state, checkpoints every 10 s, on a
 * local MiniCluster. A 10,000-device registry: 9,000 methane sensors, 1,000 coaches; 90 % readings (each
 * sensor breaches level 1 every 50th reading), 10 % positions. Not a test: run it by hand, see BENCHMARKS.md.
 * Arguments: events (default 4,000,000), parallelism (default 1).
 */
public final class ThroughputBench {

    static final int DEVICES = 10_000;
    static final int VEHICLES = 1_000;

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 4_000_000L;
        int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        // as MonitoringJob.flinkConfig; -Dbench.objectReuse=false measures the job as it was before
        config.set(PipelineOptions.OBJECT_REUSE, Boolean.parseBoolean(System.getProperty("bench.objectReuse", "true")));
        config.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, java.time.Duration.ofSeconds(10));
        // Filesystem storage as the job uses: the JobManager's 5 MB memory storage fails the bench's checkpoints.
        config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "bench-checkpoints").toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);

        var registry = env.fromData(registry(), TypeInformation.of(new TypeHint<Decoded<RegistryUpdate>>() { }));
        var commands = env.fromData(List.of(Decoded.of(new AlarmCommand(AlarmCommand.Type.HANDLE, "A-NONE", "GAS-0",
                "bench", "", 1L, 0L))), TypeInformation.of(new TypeHint<Decoded<AlarmCommand>>() { }));
        var stream = env.fromSource(new NumberSequenceSource(0, events - 1), WatermarkStrategy.noWatermarks(), "numbers")
                .map(new JsonEvents(), TypeInformation.of(new TypeHint<Decoded<DeviceEvent>>() { }))
                .assignTimestampsAndWatermarks(MonitoringPipeline.eventTime(DetectionSettings.defaults()));
        MonitoringPipeline.build(stream, registry, commands, DetectionSettings.defaults(), new PipelineSinks(
                new DiscardingSink<>(), new DiscardingSink<>(), new CountingSink<>(), new CountingSink<>(),
                new DiscardingSink<>(), new DiscardingSink<>()));

        // Keyed timers (offline, lifecycle) keep a finished job waiting: count instead, then cancel.
        long start = System.nanoTime();
        double cpuAtStart = CpuUse.processSeconds();
        JobClient job = env.executeAsync("throughput-bench");
        while (CountingSink.COUNT.get() < events + 1) { // every event is stored or dead-lettered, + the command
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = CpuUse.processSeconds() - cpuAtStart;
        var tasks = CpuUse.perTask();
        job.cancel().get();
        System.out.printf("events=%d parallelism=%d seconds=%.1f events/s=%.0f cores=%d cpu-seconds=%.1f "
                        + "events/cpu-second=%.0f%n", events, parallelism, seconds, events / seconds,
                Runtime.getRuntime().availableProcessors(), cpu, events / cpu);
        tasks.entrySet().stream().filter(task -> task.getValue() >= 0.1).forEach(task -> System.out.printf(
                "  task cpu-seconds=%6.1f  events/cpu-second=%8.0f  %s%n", task.getValue(),
                events / task.getValue(), task.getKey()));
    }

    static List<Decoded<RegistryUpdate>> registry() {
        List<Decoded<RegistryUpdate>> updates = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            Device device = i < DEVICES - VEHICLES
                    ? TestDevices.gasSensor("GAS-" + i, TestDevices.methane(0, 0))
                    : TestDevices.vehicleTerminal("VT-" + i);
            updates.add(Decoded.of(RegistryUpdate.registered(device)));
        }
        return updates;
    }

    /** Number n: device n % 10,000 as EventJson bytes, decoded as the Kafka source does. */
    static final class JsonEvents implements MapFunction<Long, Decoded<DeviceEvent>> {
        private static final long serialVersionUID = 1L;
        private static final long BASE = TestDevices.T0.toEpochMilli();

        @Override
        public Decoded<DeviceEvent> map(Long n) {
            return Decoded.of(EventJson.read(EventJson.write(event(n)), DeviceEvent.class));
        }

        DeviceEvent event(long n) {
            int device = (int) (n % DEVICES);
            long round = n / DEVICES;
            long time = BASE + round * 1000;
            long received = System.currentTimeMillis();
            return device < DEVICES - VEHICLES
                    ? DeviceEvent.reading("GAS-" + device, time, received,
                            new SensorReading("CH4", round % 50 == 0 ? 1.2 : 0.4, "%", null))
                    : DeviceEvent.location("VT-" + device, time, received, false,
                            new VehicleLocation(34.7, 113.6, 100, 60 + round % 50, 90, 0L, 3L));
        }
    }

    /** Counts what it receives in one JVM-wide counter (the local MiniCluster runs in this JVM). */
    static final class CountingSink<T> implements Sink<T> {
        static final AtomicLong COUNT = new AtomicLong();
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(T element, Context ctx) {
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

    private ThroughputBench() {
    }
}
