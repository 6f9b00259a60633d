package dev.anjian.bench;

import dev.anjian.bench.report.ComponentUsage;
import dev.anjian.bench.report.Figure;
import dev.anjian.bench.report.Series;
import java.util.List;

/** What one phase measured, ready for the run's report; {@code problems} are printed loudly after the table. */
record PhaseResult(String phase, List<Figure> figures, List<Series> series, List<ComponentUsage> components,
        List<String> problems) {

    PhaseResult {
        figures = List.copyOf(figures);
        series = List.copyOf(series);
        components = List.copyOf(components);
        problems = List.copyOf(problems);
    }
}
