package dev.anjian.bench.raw;

import dev.anjian.bench.report.Figure;
import dev.anjian.bench.report.ReportWriter;
import dev.anjian.bench.report.RunReport;
import dev.anjian.common.ConfigException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the raw baselines alone, one after the other, and prints their table: what the parts of the stack do
 * on this machine without anjian in between (the MQTT pipe, InfluxDB writes, the product's InfluxDB sink alone,
 * Kafka produce). Not a test: run it by hand (bench/run.sh), arguments in {@link RawBaselinesSettings}, e.g.
 * <pre>RawBaselines --duration 30s --runs 3 --out bench/target/raw</pre>
 */
public final class RawBaselines {

    private static final Logger LOG = LoggerFactory.getLogger(RawBaselines.class);
    private static final String RAW = "raw.influx.writes";
    private static final String SINK = "sink.influx.writes";

    private RawBaselines() {
    }

    public static void main(String[] args) throws IOException {
        RawBaselinesSettings settings;
        try {
            settings = RawBaselinesSettings.from(RawBaselinesSettings.parse(args));
        } catch (ConfigException e) {
            LOG.error("{}; see RawBaselinesSettings for the arguments", e.getMessage());
            System.exit(2);
            return;
        }
        RunReport report = run(settings);
        // The table is this tool's output (stdout); progress and details go to the log.
        System.out.println(ReportWriter.table(report));
        if (settings.out() != null) {
            ReportWriter.write(report, settings.out());
            LOG.info("report written to {}", settings.out().toAbsolutePath());
        }
    }

    static RunReport run(RawBaselinesSettings s) {
        Instant started = Instant.now();
        Map<String, String> machine = machine();
        Map<String, List<Figure>> runs = new LinkedHashMap<>();
        for (int run = 1; run <= s.runs(); run++) {
            LOG.info("raw baselines: run {} of {}", run, s.runs());
            if (s.runs("mqtt")) {
                add(runs, () -> RawMqttPipe.run(s.mqttUrl(), s.qos(), s.duration(), s.payloadBytes()));
            }
            storage(s, run, runs);
            if (s.runs("kafka")) {
                add(runs, () -> RawKafkaProduce.run(s.kafka(), s.duration()));
            }
        }
        List<Figure> figures = runs.values().stream().map(Medians::of).toList();
        machine.put("load average after", loadAverage());
        return new RunReport("anjian raw baselines", started, machine, s.asMap(), figures, List.of(), List.of());
    }

    /**
     * Raw writes and the sink back to back, in alternating order (raw first in odd runs), and their ratio per
     * run: on a shared machine the load drifts by the minute, so only a paired ratio compares them fairly.
     */
    private static void storage(RawBaselinesSettings s, int run, Map<String, List<Figure>> runs) {
        Supplier<Figure> raw = () -> RawInfluxWrites.run(s.influxUrl(), scratch(), s.duration(), s.batchSize(), s.series());
        Supplier<Figure> sink = () -> SinkOnlyInflux.run(s.influxUrl(), scratch(), s.duration(), s.batchSize(), s.series());
        List<Supplier<Figure>> order = new ArrayList<>();
        if (s.runs("influx")) {
            order.add(raw);
        }
        if (s.runs("sink")) {
            order.add(run % 2 == 1 ? order.size() : 0, sink);
        }
        List<Figure> done = new ArrayList<>();
        order.forEach(baseline -> add(runs, baseline).ifPresent(done::add));
        Medians.ratio(done, SINK, RAW, SINK + ".vs.raw", "InfluxDbSink / raw influxdb-java writes, paired in each run"
                + " (the issue asks >= 0.8)").ifPresent(ratio -> add(runs, () -> ratio));
    }

    /** Runs one baseline; a failed one is logged and left out, so the others still report. */
    private static Optional<Figure> add(Map<String, List<Figure>> runs, Supplier<Figure> baseline) {
        try {
            Figure figure = baseline.get();
            runs.computeIfAbsent(figure.name(), name -> new ArrayList<>()).add(figure);
            return Optional.of(figure);
        } catch (RuntimeException e) {
            LOG.error("baseline failed, left out of the report: {}", e.getMessage(), e);
            return Optional.empty();
        }
    }

    private static String scratch() {
        return "bench_raw_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, String> machine() {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        machine.put("java", System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("load average before", loadAverage());
        return machine;
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
