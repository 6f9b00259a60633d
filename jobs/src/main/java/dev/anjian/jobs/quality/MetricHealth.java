package dev.anjian.jobs.quality;

/**
 * What the sensor-fault detector remembers about one metric of one device (times are event times):
 * <ul>
 *   <li>{@code faultSince}: start of the open SENSOR_FAULT episode, 0 when none; {@code faultQuality} the
 *       quality that raised it (DISCONNECTED, OVER_RANGE ...);</li>
 *   <li>{@code lastValue}, {@code sameSince}: the last NORMAL value and since when it has not changed (0
 *       when stuck-value detection is off);</li>
 *   <li>{@code stuckSince}: start of the open stuck-value episode, 0 when none.</li>
 * </ul>
 */
public record MetricHealth(long faultSince, String faultQuality, double lastValue, long sameSince, long stuckSince) {

    static final MetricHealth HEALTHY = new MetricHealth(0L, "", 0.0, 0L, 0L);

    /** Nothing worth keeping: no open episode and no run of equal values being timed. */
    boolean isEmpty() {
        return faultSince == 0 && stuckSince == 0 && sameSince == 0;
    }

    MetricHealth withFault(long since, String quality) {
        return new MetricHealth(since, quality, lastValue, sameSince, stuckSince);
    }

    MetricHealth withRun(double value, long since, long stuck) {
        return new MetricHealth(faultSince, faultQuality, value, since, stuck);
    }
}
