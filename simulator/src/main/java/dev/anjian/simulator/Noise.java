package dev.anjian.simulator;

import java.util.Random;

/**
 * Seeded noise as a pure function of (device, metric, instant): the same seed gives the same run, value for
 * value, whatever order or thread asks. Each draw seeds its own {@link Random} from the inputs.
 */
final class Noise {

    private final long seed;

    Noise(long seed) {
        this.seed = seed;
    }

    /** A standard normal draw, clamped to +-3 so a rare tail never fakes an incident. */
    double gaussian(String deviceId, String metric, long atMillis) {
        double g = random(deviceId, metric, atMillis).nextGaussian();
        return Math.max(-3, Math.min(3, g));
    }

    /** A uniform draw in [0, 1) fixed per device and metric: where its normal value sits in the range. */
    double uniform(String deviceId, String metric) {
        return random(deviceId, metric, Long.MIN_VALUE).nextDouble();
    }

    private Random random(String deviceId, String metric, long atMillis) {
        long h = seed;
        h = h * 0x9E3779B97F4A7C15L + deviceId.hashCode();
        h = h * 0x9E3779B97F4A7C15L + metric.hashCode();
        h = h * 0x9E3779B97F4A7C15L + atMillis;
        return new Random(h ^ (h >>> 31));
    }
}
