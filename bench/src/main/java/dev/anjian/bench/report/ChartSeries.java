package dev.anjian.bench.report;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Picks and groups what the chart draws from a report; pure, so the choices are testable without pixels. */
final class ChartSeries {

    private ChartSeries() {
    }

    /** Series whose unit is a rate ("readings/s", "msg/s"); all series when none is. */
    static List<Series> throughput(List<Series> series) {
        if (series == null) {
            return List.of();
        }
        List<Series> rates = series.stream().filter(s -> s.unit() != null && s.unit().endsWith("/s")).toList();
        return rates.isEmpty() ? series : rates;
    }

    /** "readings/s, msg/s": the distinct units of the plotted series, for the y-axis label. */
    static String units(List<Series> series) {
        return series.stream().map(Series::unit).distinct().collect(Collectors.joining(", "));
    }

    /** The largest finite coordinate {@code axis} (0 = time, 1 = value) of all points, 0 if none. */
    static double max(List<Series> series, int axis) {
        return series.stream().flatMap(s -> s.points().stream())
                .filter(p -> p.length > axis && Double.isFinite(p[axis]))
                .mapToDouble(p -> p[axis]).max().orElse(0);
    }

    /**
     * Figures in ms grouped by the name up to its last dot, bars named by the rest, in report order:
     * e2e.latency.p50 = 120, e2e.latency.p99 = 480 gives {e2e.latency: {p50: 120, p99: 480}}.
     */
    static Map<String, Map<String, Double>> latencyGroups(List<Figure> figures) {
        Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
        if (figures == null) {
            return groups;
        }
        for (Figure f : figures) {
            if (!"ms".equals(f.unit())) {
                continue;
            }
            int dot = f.name().lastIndexOf('.');
            String group = dot > 0 ? f.name().substring(0, dot) : f.name();
            String bar = dot > 0 ? f.name().substring(dot + 1) : f.name();
            groups.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(bar, f.value());
        }
        return groups;
    }

    /** One colour per bar name (p50, p95, p99), the same in every group. */
    static Map<String, Color> barColors(Map<String, Map<String, Double>> groups, Color[] palette) {
        Map<String, Color> colors = new LinkedHashMap<>();
        groups.values().forEach(bars -> bars.keySet().forEach(
                bar -> colors.computeIfAbsent(bar, b -> palette[colors.size() % palette.length])));
        return colors;
    }
}
