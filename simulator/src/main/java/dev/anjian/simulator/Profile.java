package dev.anjian.simulator;

/**
 * A piecewise-linear curve over scenario seconds, e.g. {@code (0, NORMAL), (15, 62.5), (25, 62.5)}: the
 * value rises from the metric's normal value to 62.5 in 15 s, then holds. {@link #NORMAL} (NaN) stands for
 * the normal value at that instant, so incidents start from and return to the sensor's own baseline.
 */
final class Profile {

    static final double NORMAL = Double.NaN;

    private final double[] seconds;
    private final double[] values;

    private Profile(double[] seconds, double[] values) {
        this.seconds = seconds;
        this.values = values;
    }

    /** Pairs of (second, value), seconds strictly increasing. */
    static Profile of(double... pairs) {
        if (pairs.length < 4 || pairs.length % 2 != 0) {
            throw new IllegalArgumentException("a profile needs at least two (second, value) pairs");
        }
        double[] seconds = new double[pairs.length / 2];
        double[] values = new double[pairs.length / 2];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = pairs[2 * i];
            values[i] = pairs[2 * i + 1];
            if (i > 0 && seconds[i] <= seconds[i - 1]) {
                throw new IllegalArgumentException("profile seconds must increase: " + seconds[i - 1] + ", " + seconds[i]);
            }
        }
        return new Profile(seconds, values);
    }

    double start() {
        return seconds[0];
    }

    double end() {
        return seconds[seconds.length - 1];
    }

    boolean covers(double second) {
        return second >= start() && second < end();
    }

    /** The value at {@code second} (within {@link #covers}), with NORMAL points replaced by {@code normal}. */
    double at(double second, double normal) {
        int i = 1;
        while (i < seconds.length - 1 && second >= seconds[i]) {
            i++;
        }
        double from = Double.isNaN(values[i - 1]) ? normal : values[i - 1];
        double to = Double.isNaN(values[i]) ? normal : values[i];
        double fraction = (second - seconds[i - 1]) / (seconds[i] - seconds[i - 1]);
        return from + (to - from) * Math.max(0, Math.min(1, fraction));
    }
}
