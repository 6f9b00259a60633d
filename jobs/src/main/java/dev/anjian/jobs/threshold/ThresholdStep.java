package dev.anjian.jobs.threshold;

import dev.anjian.events.AlarmState;

/**
 * The outcome of evaluating one reading: the metric's next state and, when the episode changed, the
 * change to announce ({@code change} null means nothing to emit). {@code level}, {@code threshold} and
 * {@code episodeStart} describe the change: for CLEARED the episode's highest level and the clear value.
 */
record ThresholdStep(ThresholdState next, AlarmState change, int level, double threshold, long episodeStart) {

    static ThresholdStep quiet(ThresholdState next) {
        return new ThresholdStep(next, null, 0, 0.0, next.episodeStart());
    }

    static ThresholdStep announce(ThresholdState next, AlarmState change, int level, double threshold, long episodeStart) {
        return new ThresholdStep(next, change, level, threshold, episodeStart);
    }

    boolean announces() {
        return change != null;
    }
}
