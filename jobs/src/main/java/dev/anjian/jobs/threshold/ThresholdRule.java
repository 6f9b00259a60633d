package dev.anjian.jobs.threshold;

import dev.anjian.events.AlarmState;
import dev.anjian.events.MetricSpec;

/**
 * The threshold state machine of one metric, as a pure function of (spec, state, reading).
 *
 * <pre>
 * NORMAL  --value breaches level 1-------------------------&gt; PENDING (episode starts at this reading)
 * PENDING --breach held debounceSamples AND debounceSeconds-&gt; ACTIVE  emit RAISED at the current level
 * PENDING --value back below level 1 -----------------------&gt; NORMAL  (no event: a blip, not an alarm)
 * ACTIVE  --value reaches a higher level -------------------&gt; ACTIVE  emit ESCALATED (once per new level)
 * ACTIVE  --value beyond clear held debounceSamples AND ---&gt; NORMAL  emit CLEARED
 *           debounceSeconds (a single dip does not clear)
 * </pre>
 * The debounce holds on both sides because regulations may set the clear value equal to level 1
 * (coal working face methane: alarm at 1.0 %, restore below 1.0 %): without it a value hovering at the
 * threshold would raise and clear on every crossing, an SMS storm.
 * Example, methane HIGH levels [1.0, 1.5] clear 0.8, no debounce: 1.1 RAISED(1), 1.6 ESCALATED(2),
 * 1.2 nothing, 0.9 nothing (between clear and level 1: still open), 0.7 CLEARED. Escalation is not
 * debounced: a worse level during an open episode is news at once.
 */
final class ThresholdRule {

    private ThresholdRule() {
    }

    static ThresholdStep evaluate(MetricSpec spec, ThresholdState state, double value, long eventTime) {
        int level = spec.levelOf(value);
        return switch (state.phase()) {
            case NORMAL -> level == 0 ? ThresholdStep.quiet(state) : debounce(spec, ThresholdState.pending(eventTime), level, eventTime);
            case PENDING -> level == 0 ? ThresholdStep.quiet(ThresholdState.NORMAL) : debounce(spec, state.withAnotherBreach(), level, eventTime);
            case ACTIVE -> whileActive(spec, state, value, level, eventTime);
        };
    }

    private static ThresholdStep debounce(MetricSpec spec, ThresholdState pending, int level, long eventTime) {
        boolean enoughSamples = pending.breachSamples() >= spec.debounceSamples();
        boolean longEnough = eventTime - pending.episodeStart() >= spec.debounceSeconds() * 1000L;
        if (!enoughSamples || !longEnough) {
            return ThresholdStep.quiet(pending);
        }
        ThresholdState active = ThresholdState.active(pending.episodeStart(), level);
        return ThresholdStep.announce(active, AlarmState.RAISED, level, spec.threshold(level), pending.episodeStart());
    }

    private static ThresholdStep whileActive(MetricSpec spec, ThresholdState state, double value, int level, long eventTime) {
        if (spec.direction().clears(value, spec.clear())) {
            ThresholdState safe = state.withAnotherSafeReading(eventTime);
            boolean enoughSamples = safe.safeSamples() >= spec.debounceSamples();
            boolean longEnough = eventTime - safe.safeSince() >= spec.debounceSeconds() * 1000L;
            if (!enoughSamples || !longEnough) {
                return ThresholdStep.quiet(safe);
            }
            return ThresholdStep.announce(
                    ThresholdState.NORMAL, AlarmState.CLEARED, state.level(), spec.clear(), state.episodeStart());
        }
        ThresholdState active = state.withoutSafeRun();
        if (level > active.level()) {
            return ThresholdStep.announce(active.escalatedTo(level), AlarmState.ESCALATED, level, spec.threshold(level),
                    active.episodeStart());
        }
        return ThresholdStep.quiet(active);
    }
}
