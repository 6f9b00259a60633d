package dev.anjian.bench;

import dev.anjian.bench.report.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The aims, judged from the run's figures: per e2e path at least 15,000 msg/s sustained into
 * InfluxDB, at least 0.7 of the raw MQTT pipe, alarm p99 under 1 s, offline detection within timeout + 2 s
 * at p99; the sink (drain phase) at least 0.8 of raw InfluxDB writes. Each becomes a figure {@code aim.<what>}
 * whose note says PASS or FAIL and the bar; an aim whose inputs were not measured says so.
 */
final class Aims {

    private final List<Figure> figures;
    private final List<Figure> aims = new ArrayList<>();

    private Aims(List<Figure> figures) {
        this.figures = figures;
    }

    static List<Figure> judge(List<Figure> figures, List<String> paths, String rawMqtt, String rawInflux) {
        Aims a = new Aims(figures);
        for (String path : paths) {
            if (path.equals("drain")) {
                a.ratio("aim.drain.sink/raw.influx", "drain.sink", rawInflux, 0.8);
                continue;
            }
            a.atLeast("aim." + path + ".sustained", path + ".e2e.sustained", 15_000, "msg/s",
                    find(figures, path + ".backlog.trend").map(f -> f.note().startsWith("GREW")).orElse(false));
            a.ratio("aim." + path + ".e2e/raw.mqtt", path + ".e2e.sustained", rawMqtt, 0.7);
            a.below("aim." + path + ".alarm.p99", path + ".alarm.p99", 1_000, false);
            a.below("aim." + path + ".offline.p99", path + ".offline.delay.p99", 2_000, true);
        }
        return a.aims;
    }

    private void atLeast(String aim, String name, double bar, String unit, boolean notSustained) {
        Optional<Figure> f = find(figures, name);
        f.ifPresentOrElse(x -> aims.add(new Figure(aim, x.value(), unit,
                        verdict(x.value() >= bar && !notSustained, ">= " + fmt(bar) + (notSustained ? ", backlog grew" : "")))),
                () -> missing(aim, name + " missing"));
    }

    private void ratio(String aim, String name, String rawName, double bar) {
        Optional<Figure> f = find(figures, name);
        Optional<Figure> raw = rawName == null ? Optional.empty() : find(figures, rawName);
        if (f.isEmpty() || raw.isEmpty() || raw.get().value() <= 0) {
            missing(aim, rawName == null ? "raw baseline skipped" : name + " or " + rawName + " missing");
            return;
        }
        double r = f.get().value() / raw.get().value();
        aims.add(new Figure(aim, r, "ratio", verdict(r >= bar, ">= " + bar) + " (" + fmt(f.get().value()) + " / "
                + fmt(raw.get().value()) + ")"));
    }

    private void below(String aim, String name, double bar, boolean inclusive) {
        find(figures, name).ifPresentOrElse(x -> aims.add(new Figure(aim, x.value(), "ms",
                verdict(inclusive ? x.value() <= bar : x.value() < bar, (inclusive ? "<= " : "< ") + fmt(bar) + " ms"))),
                () -> missing(aim, name + " missing"));
    }

    private void missing(String aim, String what) {
        aims.add(new Figure(aim, Double.NaN, "", "NOT MEASURED (" + what + ")"));
    }

    private static String verdict(boolean pass, String bar) {
        return (pass ? "PASS " : "FAIL ") + bar;
    }

    static Optional<Figure> find(List<Figure> figures, String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }
}
