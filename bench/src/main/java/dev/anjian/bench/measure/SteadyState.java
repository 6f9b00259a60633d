package dev.anjian.bench.measure;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Rates over the steady window of a run (after warm-up, before the load stops), from the once-a-second
 * {@link Sample}s. A rate is the counter's increase between the first and the last sample inside the
 * window divided by the time between them; a trend is the least-squares slope of a level (e.g. the
 * backlog) over the samples inside the window, per second. Example: points 0 at 20 s and 4,410,000 at
 * 120 s give 44,100 points/s.
 */
public final class SteadyState {

    private SteadyState() {
    }

    public static double rate(List<Sample> samples, double from, double to, ToDoubleFunction<Sample> counter) {
        List<Sample> inside = inside(samples, from, to);
        if (inside.size() < 2) {
            return 0;
        }
        Sample first = inside.get(0);
        Sample last = inside.get(inside.size() - 1);
        double seconds = last.seconds() - first.seconds();
        return seconds <= 0 ? 0 : (counter.applyAsDouble(last) - counter.applyAsDouble(first)) / seconds;
    }

    public static double slope(List<Sample> samples, double from, double to, ToDoubleFunction<Sample> level) {
        List<Sample> inside = inside(samples, from, to);
        int n = inside.size();
        if (n < 2) {
            return 0;
        }
        double meanT = inside.stream().mapToDouble(Sample::seconds).average().orElse(0);
        double meanY = inside.stream().mapToDouble(level).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (Sample s : inside) {
            double dt = s.seconds() - meanT;
            covariance += dt * (level.applyAsDouble(s) - meanY);
            variance += dt * dt;
        }
        return variance == 0 ? 0 : covariance / variance;
    }

    static List<Sample> inside(List<Sample> samples, double from, double to) {
        return samples.stream().filter(s -> s.seconds() >= from && s.seconds() <= to).toList();
    }
}
