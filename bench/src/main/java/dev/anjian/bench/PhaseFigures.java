package dev.anjian.bench;

import dev.anjian.bench.load.LoadCounters;
import dev.anjian.bench.measure.IncidentReport;
import dev.anjian.bench.measure.Percentiles;
import dev.anjian.bench.measure.Sample;
import dev.anjian.bench.measure.SteadyState;
import dev.anjian.bench.report.Figure;
import dev.anjian.bench.report.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The figures of an end-to-end phase, named {@code <phase>.<what>}. Rates are over the measured window
 * [warm-up, end of load]. Sustained end-to-end msg/s = (points landing in InfluxDB - vehicle points) / 3
 * readings per message, capped at the offered rate (more means the job was catching up a start-up
 * backlog); it counts as sustained only if the backlog (readings published, not yet stored) did not grow by
 * more than 2 % of the event rate per second over the window.
 */
final class PhaseFigures {

    static final double GROWTH_TOLERANCE = 0.02;
    static final double SMOOTHING_SECONDS = 5;

    private final String p;
    private final List<Figure> figures = new ArrayList<>();

    private PhaseFigures(String phase) {
        this.p = phase;
    }

    static List<Figure> of(String phase, HarnessOptions o, List<Sample> samples, LoadCounters counters,
            IncidentReport incidents, long readingsStored, long deadLetters) {
        PhaseFigures f = new PhaseFigures(phase);
        f.throughput(o, samples);
        f.latencies(o, counters, incidents);
        f.correctness(counters, incidents, readingsStored, samples);
        f.add("dead-lettered", deadLetters, "records", "rejected input of any stage (expected 0)");
        return f.figures;
    }

    private void throughput(HarnessOptions o, List<Sample> s) {
        double from = o.warmup().toSeconds();
        double to = o.duration().toSeconds();
        double kafka = SteadyState.rate(s, from, to, Sample::kafkaEvents);
        double points = SteadyState.rate(s, from, to, Sample::influxPoints);
        double vehicles = SteadyState.rate(s, from, to, Sample::vehicleAcked);
        double trend = SteadyState.slope(s, from, to, Sample::backlog);
        boolean grew = trend > GROWTH_TOLERANCE * kafka; // kafka ev/s ~ readings/s offered
        add("offered", SteadyState.rate(s, from, to, Sample::published), "msg/s", "target " + n(o.rate()));
        add("acked", SteadyState.rate(s, from, to, Sample::acked), "msg/s", "PUBACKs received by the sensors");
        add("kafka", kafka, "ev/s", "device-events written");
        add("influx", points, "pt/s", "points landing in InfluxDB, all measurements");
        add("backlog.trend", trend, "readings/s", grew ? "GREW: the pipeline fell behind" : "steady (published, not yet stored)");
        add("kafka.backlog.trend", SteadyState.slope(s, from, to, Sample::kafkaBacklog), "ev/s",
                "the job's and sink's share: on Kafka, not yet stored");
        double landing = (points - vehicles) / 3;
        double offered = SteadyState.rate(s, from, to, Sample::published);
        add("e2e.sustained", Math.min(landing, offered), "msg/s", grew ? "NOT sustained: backlog grew"
                : "readings landing in InfluxDB / 3 (" + n(landing) + "), at most the offered rate; backlog steady");
        add("jt808", vehicles, "reports/s", "0x0200 acked after Kafka");
    }

    private void latencies(HarnessOptions o, LoadCounters counters, IncidentReport r) {
        Percentiles puback = counters.ackLatency().percentiles();
        percentiles("puback", puback, "publish -> PUBACK in the measured window, n=" + n(puback.count()));
        percentiles("alarm", Percentiles.of(r.raisedLatency()),
                "publish of 1st breaching reading -> RAISED on Kafka, n=" + r.raisedLatency().size());
        percentiles("alarm.cleared", Percentiles.of(r.clearedLatency()),
                "publish of clearing reading -> CLEARED on Kafka, n=" + r.clearedLatency().size());
        percentiles("sms", Percentiles.of(r.smsRaisedLatency()),
                "publish of 1st breaching reading -> SMS at the HTTP peer, n=" + r.smsRaisedLatency().size());
        percentiles("offline.delay", Percentiles.of(r.offlineDelay()), "OFFLINE on Kafka - (last publish + "
                + o.offlineTimeout().toSeconds() + " s), n=" + r.offlineDelay().size());
    }

    /** NaN when nothing was measured, so that no aim passes on an empty sample. */
    private void percentiles(String name, Percentiles pc, String note) {
        boolean none = pc.count() == 0;
        add(name + ".p50", none ? Double.NaN : pc.p50(), "ms", note);
        add(name + ".p95", none ? Double.NaN : pc.p95(), "ms", "");
        add(name + ".p99", none ? Double.NaN : pc.p99(), "ms", "");
        add(name + ".max", none ? Double.NaN : pc.max(), "ms", "");
    }

    private void correctness(LoadCounters c, IncidentReport r, long stored, List<Sample> s) {
        add("alarms.missing", r.raisedMissing() + r.clearedMissing(), "", "of " + r.breaches() * 2 + " RAISED+CLEARED");
        add("offline.missing", r.offlineMissing(), "", "of " + r.silences() + " OFFLINE statuses + alarms");
        add("sms.missing", r.smsMissing(), "", r.smsMatched() + " of " + r.smsExpected() + " SMS arrived");
        add("unexpected", r.unexpected(), "", "alarms/statuses/SMS outside the ground truth, of which:");
        add("offline.flaps", r.flaps(), "", "OFFLINE statuses/alarms of sensors still publishing (gaps > timeout)");
        add("duplicates.alarms", r.duplicateAlarms(), "", "repeated alarm id + state (at-least-once)");
        add("duplicates.sms", r.duplicateSms(), "", "repeated SMS ref (provider retried, e.g. after a timeout)");
        add("vehicle.alarms", r.vehicleAlarms(), "", "scripted overspeed; OFFLINE after the terminals stop");
        long expected = c.acked() * 3;
        add("readings.missing", Math.max(0, expected - stored), "readings",
                "stored " + n(stored) + " of " + n(expected) + " (3 per acked message)");
        add("connections.lost", c.connectionsLost(), "", c.unacknowledged() + " messages unacknowledged at close");
        add("window.full", c.deferred(), "", "times a full in-flight window held sends back");
        add("backlog.end", s.get(s.size() - 1).kafkaBacklog(), "events", "on Kafka, not stored, after the drain wait");
    }

    private void add(String name, double value, String unit, String note) {
        figures.add(new Figure(p + "." + name, value, unit, note));
    }

    static String n(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /** Rates (over the last 5 s: the sink writes in batches) and the backlog of an e2e phase, for the plot. */
    static List<Series> series(String phase, List<Sample> s) {
        return List.of(rate(phase + " offered", "msg/s", s, Sample::published),
                rate(phase + " kafka", "ev/s", s, Sample::kafkaEvents),
                rate(phase + " influx", "pt/s", s, Sample::influxPoints),
                level(phase + " backlog", "readings", s, Sample::backlog));
    }

    /** The drain phase has no offered load: points landing and what waits on Kafka. */
    static List<Series> drainSeries(List<Sample> s) {
        return List.of(rate("drain influx", "pt/s", s, Sample::influxPoints),
                level("drain backlog", "events", s, Sample::kafkaBacklog));
    }

    private static Series rate(String name, String unit, List<Sample> s, ToDoubleFunction<Sample> counter) {
        List<double[]> points = new ArrayList<>();
        int from = 0;
        for (int i = 1; i < s.size(); i++) {
            while (s.get(i).seconds() - s.get(from + 1).seconds() >= SMOOTHING_SECONDS) {
                from++;
            }
            double dt = s.get(i).seconds() - s.get(from).seconds();
            if (dt > 0) {
                points.add(new double[] {s.get(i).seconds(),
                        (counter.applyAsDouble(s.get(i)) - counter.applyAsDouble(s.get(from))) / dt});
            }
        }
        return new Series(name, unit, points);
    }

    private static Series level(String name, String unit, List<Sample> s, ToDoubleFunction<Sample> level) {
        return new Series(name, unit, s.stream().map(x -> new double[] {x.seconds(), level.applyAsDouble(x)}).toList());
    }
}
