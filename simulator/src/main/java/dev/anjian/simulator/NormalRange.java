package dev.anjian.simulator;

import dev.anjian.events.Direction;
import dev.anjian.events.MetricSpec;

/**
 * Where a metric sits when nothing is wrong, well inside its safe range: methane 0.2-0.4 %, CO 2-6 ppm,
 * NH3 2-8 ppm, combustible gas 0-3 %LEL, H2S 0-5 %OEL, dust-collector inlet 35-45 °C, and the bag filter's
 * differential pressure around the baseline its level was derived from (level / 1.2, AQ 4273-2016's 20 %
 * rule). Other metrics, or a registry whose clear value is within 5 % of these ranges, get a range
 * relative to level 1 instead (10-20 % of it for HIGH metrics), so a normal value never breaches.
 */
record NormalRange(double low, double high) {

    static NormalRange of(MetricSpec metric) {
        double level1 = metric.threshold(1);
        NormalRange typical = switch (metric.metric()) {
            case "CH4" -> new NormalRange(0.2, 0.4);
            case "CO" -> new NormalRange(2, 6);
            case "NH3" -> new NormalRange(2, 8);
            case "LEL" -> new NormalRange(0, 3);
            case "H2S" -> new NormalRange(0, 5);
            case "INLET_TEMP" -> new NormalRange(35, 45);
            case "DP" -> new NormalRange(level1 / 1.2 * 0.97, level1 / 1.2 * 1.03);
            default -> relativeTo(metric);
        };
        return typical.safeFor(metric) ? typical : relativeTo(metric);
    }

    private static NormalRange relativeTo(MetricSpec metric) {
        double level1 = metric.threshold(1);
        return metric.direction() == Direction.HIGH
                ? new NormalRange(level1 * 0.1, level1 * 0.2)
                : new NormalRange(level1 * 1.06, level1 * 1.08);
    }

    /**
     * Safe with a margin: the whole range stays 5 % away from the clear value. Not more: a bag filter's DP
     * alarm is by definition only 20 % above its normal baseline.
     */
    private boolean safeFor(MetricSpec metric) {
        return metric.direction() == Direction.HIGH ? high < metric.clear() * 0.95 : low > metric.clear() * 1.05;
    }

    double at(double fraction) {
        return low + (high - low) * fraction;
    }

    double clamp(double value) {
        return Math.max(low, Math.min(high, value));
    }

    double width() {
        return high - low;
    }
}
