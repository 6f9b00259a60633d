package dev.anjian.bench;

import dev.anjian.bench.load.TelemetryPayload;
import dev.anjian.bench.measure.InfluxProbe;
import dev.anjian.bench.raw.RawInfluxWrites;
import dev.anjian.bench.raw.RawMqttPipe;
import dev.anjian.bench.report.ComponentUsage;
import dev.anjian.bench.report.Figure;
import dev.anjian.bench.report.ReportWriter;
import dev.anjian.bench.report.RunReport;
import dev.anjian.bench.report.Series;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end-to-end load harness ({@code bench/run.sh}, {@code --help}): raw baselines first, each alone (the
 * raw MQTT pipe through the same broker, raw influxdb-java batch writes), then each requested phase with
 * every component in a process of its own (broker path, native MQTT endpoint, sink drain), then one report:
 * the figures table on stdout, report.json and report.png in the run folder, and every missing or
 * unexpected alarm, status or SMS listed loudly on stderr. Exit code 0 when the run completed (aims may
 * still FAIL: they are results, not errors), 1 when a phase could not run, 2 for bad options.
 */
public final class LoadHarness {

    private static final Logger LOG = LoggerFactory.getLogger(LoadHarness.class);

    private LoadHarness() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (HarnessOptions.wantsHelp(args)) {
            out.print(HarnessOptions.HELP);
            return 0;
        }
        Path repoRoot = Path.of(System.getProperty("anjian.home", ".")).toAbsolutePath().normalize();
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args, repoRoot);
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            return 2;
        }
        Cleanup cleanup = new Cleanup();
        try {
            return new LoadHarness().execute(options, repoRoot, cleanup, out, err);
        } catch (Exception e) {
            LOG.error("bench run failed", e);
            err.println("bench: run failed: " + e + " (details: " + options.runDir().resolve("anjian.log") + ")");
            return 1;
        } finally {
            cleanup.closeAll();
        }
    }

    private int execute(HarnessOptions o, Path repoRoot, Cleanup cleanup, PrintStream out, PrintStream err) throws Exception {
        Files.createDirectories(o.runDir());
        Instant started = Instant.now();
        String runId = DateTimeFormatter.ofPattern("MMddHHmmss").withZone(ZoneOffset.UTC).format(started);
        err.printf("bench: run %s, folder %s%n", runId, o.runDir());
        List<Figure> figures = new ArrayList<>();
        List<Series> series = new ArrayList<>();
        List<ComponentUsage> components = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] raw = o.raw() ? rawBaselines(o, runId, figures, err) : new String[2];
        boolean failed = false;
        for (String phase : o.paths()) {
            PhaseSetup setup = PhaseSetup.of(runId, phase, o.runDir(), o.stack());
            err.printf("bench: phase %s (topics %s*, database %s)%n", phase, setup.topics().prefix(), setup.database());
            try {
                PhaseResult result = phase.equals("drain") ? new DrainPhase(o, setup, cleanup).run(repoRoot)
                        : new E2ePhase(o, setup, cleanup).run(repoRoot);
                figures.addAll(result.figures());
                series.addAll(result.series());
                components.addAll(result.components());
                problems.addAll(result.problems());
                // What is measured so far, in case a later phase takes the harness down.
                ReportWriter.write(report(o, started, figures, series, components), o.runDir());
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) { // the other phases still run and the report shows what was measured
                LOG.error("phase {} failed", phase, e);
                problems.add(phase + ": PHASE FAILED: " + e);
                failed = true;
            }
        }
        figures.addAll(Aims.judge(figures, o.paths(), raw[0], raw[1]));
        RunReport report = report(o, started, figures, series, components);
        out.println(ReportWriter.table(report));
        ReportWriter.write(report, o.runDir());
        problems.forEach(p -> err.println("bench: PROBLEM " + p));
        err.printf("bench: report in %s (report.json, report.png)%n", o.runDir());
        return failed ? 1 : 0;
    }

    private static RunReport report(HarnessOptions o, Instant started, List<Figure> figures, List<Series> series,
            List<ComponentUsage> components) {
        return new RunReport(String.format("anjian end-to-end load, %,.0f msg/s x 3 readings", o.rate()), started,
                Machine.describe(), o.asMap(), List.copyOf(figures), List.copyOf(series), List.copyOf(components));
    }

    /** Raw MQTT pipe and raw InfluxDB writes, each alone; returns the names of their figures. */
    private static String[] rawBaselines(HarnessOptions o, String runId, List<Figure> figures, PrintStream err)
            throws Exception {
        err.printf("bench: raw MQTT pipe through %s for %ds%n", o.stack().mqttUrl(), o.rawDuration().toSeconds());
        Figure mqtt = RawMqttPipe.run(o.stack().mqttUrl(), 1, o.rawDuration(), TelemetryPayload.typicalBytes());
        figures.add(mqtt);
        String db = "bench_" + runId + "_raw";
        err.printf("bench: raw InfluxDB writes to %s for %ds%n", o.stack().influxUrl(), o.rawDuration().toSeconds());
        Figure influx;
        try {
            influx = RawInfluxWrites.run(o.stack().influxUrl(), db, o.rawDuration(), 5_000, o.sensors() * 3);
        } finally {
            if (!o.keep()) {
                new InfluxProbe(o.stack().influxUrl()).drop(db);
            }
        }
        figures.add(influx);
        return new String[] {mqtt.name(), influx.name()};
    }
}
