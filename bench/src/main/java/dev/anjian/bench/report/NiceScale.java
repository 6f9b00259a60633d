package dev.anjian.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An axis range with "nice" round ticks (1, 2, 2.5, 5 x 10^n), e.g. data 0..43,170 with 6 ticks gives
 * 0, 10,000, ..., 50,000. A flat or empty range widens to 0..1 so a plot still has an axis.
 */
record NiceScale(double min, double max, double step) {

    static NiceScale of(double dataMin, double dataMax, int ticks) {
        double lo = Double.isFinite(dataMin) ? dataMin : 0;
        double hi = Double.isFinite(dataMax) ? dataMax : 1;
        if (hi <= lo) {
            hi = lo + (lo == 0 ? 1 : Math.abs(lo));
        }
        double step = nice((hi - lo) / Math.max(1, ticks - 1));
        return new NiceScale(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step);
    }

    List<Double> ticks() {
        List<Double> values = new ArrayList<>();
        for (double v = min; v <= max + step / 2; v += step) {
            values.add(Math.abs(v) < step / 1e6 ? 0 : v);
        }
        return values;
    }

    /** Where {@code value} falls on a {@code length}-pixel axis, 0 at {@link #min}. */
    double fraction(double value) {
        return (value - min) / (max - min);
    }

    String label(double value) {
        if (step >= 1) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        int decimals = (int) Math.ceil(-Math.log10(step));
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    private static double nice(double rough) {
        double exponent = Math.floor(Math.log10(rough));
        double fraction = rough / Math.pow(10, exponent);
        double niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return niceFraction * Math.pow(10, exponent);
    }
}
