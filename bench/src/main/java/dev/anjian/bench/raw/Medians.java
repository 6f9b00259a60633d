package dev.anjian.bench.raw;

import dev.anjian.bench.report.Figure;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Several runs of one baseline as one figure: the median value, the note saying min / median / max and the
 * median run's own note, e.g. "3 runs min/median/max 19,800 / 21,100 / 22,000; 2 publishers ...".
 */
final class Medians {

    private Medians() {
    }

    static Figure of(List<Figure> runs) {
        if (runs.size() == 1) {
            return runs.get(0);
        }
        List<Figure> sorted = runs.stream().sorted((a, b) -> Double.compare(a.value(), b.value())).toList();
        Figure median = sorted.get((sorted.size() - 1) / 2); // the lower middle one of an even count: a real run
        String note = String.format(Locale.ROOT, "%d runs min/median/max %s / %s / %s; median run: %s", runs.size(),
                number(sorted.get(0).value()), number(median.value()), number(sorted.get(sorted.size() - 1).value()),
                median.note());
        return new Figure(median.name(), median.value(), median.unit(), note);
    }

    /** "21,000" for rates, "0.83" for ratios. */
    static String number(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.0f" : "%.2f", value);
    }

    /** {@code numerator / denominator} of two figures present in {@code figures}, as a unitless figure. */
    static Optional<Figure> ratio(List<Figure> figures, String numerator, String denominator, String name, String note) {
        Optional<Figure> top = figures.stream().filter(f -> f.name().equals(numerator)).findFirst();
        Optional<Figure> bottom = figures.stream().filter(f -> f.name().equals(denominator) && f.value() > 0).findFirst();
        if (top.isEmpty() || bottom.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Figure(name, top.get().value() / bottom.get().value(), "", note));
    }
}
