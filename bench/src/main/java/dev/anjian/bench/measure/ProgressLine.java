package dev.anjian.bench.measure;

import java.util.List;
import java.util.Locale;

/**
 * The line printed every few seconds while a phase runs, rates over the last {@code window} seconds:
 * {@code [ 45s/120s broker] offered 15,000 msg/s acked 14,900 | kafka 44,700 ev/s | influx 44,200 pt/s |
 * backlog 1,200 | alarms 18/20 | offline 5/10}. Backlog = readings published, not yet points in InfluxDB.
 */
public final class ProgressLine {

    private ProgressLine() {
    }

    public static String of(String phase, double totalSeconds, List<Sample> samples, double window, long alarmsExpected,
            long offlineExpected) {
        if (samples.isEmpty()) {
            return String.format(Locale.ROOT, "[ 0s/%.0fs %s] starting", totalSeconds, phase);
        }
        Sample last = samples.get(samples.size() - 1);
        Sample first = samples.get(0);
        for (int i = samples.size() - 1; i >= 0; i--) {
            first = samples.get(i);
            if (last.seconds() - first.seconds() >= window) {
                break;
            }
        }
        double dt = last.seconds() - first.seconds();
        return String.format(Locale.ROOT, "[%3.0fs/%.0fs %s] offered %,.0f msg/s acked %,.0f | kafka %,.0f ev/s | "
                        + "influx %,.0f pt/s | backlog %,d | alarms %d/%d | offline %d/%d",
                last.seconds(), totalSeconds, phase, per(last.published() - first.published(), dt),
                per(last.acked() - first.acked(), dt), per(last.kafkaEvents() - first.kafkaEvents(), dt),
                per(last.influxPoints() - first.influxPoints(), dt), last.backlog(), last.alarms(), alarmsExpected,
                last.offline(), offlineExpected);
    }

    private static double per(long delta, double seconds) {
        return seconds <= 0 ? 0 : delta / seconds;
    }
}
