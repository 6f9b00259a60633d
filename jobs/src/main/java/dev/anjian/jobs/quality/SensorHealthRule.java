package dev.anjian.jobs.quality;

import dev.anjian.events.AlarmState;
import dev.anjian.events.Quality;
import dev.anjian.events.SensorReading;
import java.util.ArrayList;
import java.util.List;

/**
 * The sensor-health state machine of one metric, a pure function of (health, reading, time):
 * <pre>
 * fault quality (FAULT, DISCONNECTED, OVER_RANGE, NEGATIVE_DRIFT), none open -&gt; RAISED sensor-fault
 * any other quality while a fault is open ---------------------------------&gt; CLEARED sensor-fault
 * NORMAL value unchanged for stuckAfter (optional, 0 = off) ----------------&gt; RAISED stuck (start = first equal reading)
 * NORMAL value different while stuck is open ------------------------------&gt; CLEARED stuck
 * </pre>
 * Example, stuck after 30 min: 0.42 at 08:00, 0.42 at 08:10, 0.42 at 08:30 RAISED stuck (episode 08:00),
 * 0.43 at 08:31 CLEARED. Calibration and maintenance readings neither raise nor time a stuck value.
 */
final class SensorHealthRule {

    static final String FAULT = "sensor-fault";
    static final String STUCK = "stuck";

    private SensorHealthRule() {
    }

    /** One change to announce: the episode's rule kind, its state, its start. */
    record Change(String kind, AlarmState state, long episodeStart, String quality) {
    }

    record Outcome(MetricHealth next, List<Change> changes) {
    }

    static Outcome evaluate(MetricHealth health, SensorReading reading, long eventTime, long stuckAfterMillis) {
        List<Change> changes = new ArrayList<>(1);
        MetricHealth next = health;
        Quality quality = reading.quality();
        if (quality.isFault() && next.faultSince() == 0) {
            changes.add(new Change(FAULT, AlarmState.RAISED, eventTime, quality.name()));
            next = next.withFault(eventTime, quality.name());
        } else if (!quality.isFault() && next.faultSince() != 0) {
            changes.add(new Change(FAULT, AlarmState.CLEARED, next.faultSince(), next.faultQuality()));
            next = next.withFault(0L, "");
        }
        if (stuckAfterMillis > 0 && quality == Quality.NORMAL) {
            next = timeStuckValue(next, reading.value(), eventTime, stuckAfterMillis, changes);
        }
        return new Outcome(next, changes);
    }

    private static MetricHealth timeStuckValue(MetricHealth health, double value, long eventTime, long stuckAfterMillis,
            List<Change> changes) {
        boolean same = health.sameSince() != 0 && Double.compare(value, health.lastValue()) == 0;
        if (same) {
            if (health.stuckSince() == 0 && eventTime - health.sameSince() >= stuckAfterMillis) {
                changes.add(new Change(STUCK, AlarmState.RAISED, health.sameSince(), Quality.NORMAL.name()));
                return health.withRun(value, health.sameSince(), health.sameSince());
            }
            return health;
        }
        if (health.stuckSince() != 0) {
            changes.add(new Change(STUCK, AlarmState.CLEARED, health.stuckSince(), Quality.NORMAL.name()));
        }
        return health.withRun(value, eventTime, 0L);
    }
}
