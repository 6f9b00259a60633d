package dev.anjian.jobs.threshold;

/**
 * Where one metric of one device stands in its alarm lifecycle. NORMAL is never stored: the detector
 * removes the metric's state entry instead, so a device with no pending or open episode holds no
 * threshold state at all.
 *
 * <ul>
 *   <li>PENDING: readings breach level 1 but the debounce has not yet held; {@code episodeStart} is the
 *       event time of the first breaching reading, {@code breachSamples} how many consecutive readings
 *       breached so far.</li>
 *   <li>ACTIVE: RAISED was emitted; {@code level} is the highest level reached in the episode;
 *       {@code safeSamples} consecutive readings have been beyond the clear value since {@code safeSince}
 *       (0 when the last reading was not), counting towards the clear-side debounce.</li>
 * </ul>
 */
public record ThresholdState(Phase phase, long episodeStart, int breachSamples, int level, int safeSamples, long safeSince) {

    public enum Phase { NORMAL, PENDING, ACTIVE }

    public static final ThresholdState NORMAL = new ThresholdState(Phase.NORMAL, 0L, 0, 0, 0, 0L);

    static ThresholdState pending(long episodeStart) {
        return new ThresholdState(Phase.PENDING, episodeStart, 1, 0, 0, 0L);
    }

    static ThresholdState active(long episodeStart, int level) {
        return new ThresholdState(Phase.ACTIVE, episodeStart, 0, level, 0, 0L);
    }

    ThresholdState withAnotherBreach() {
        return new ThresholdState(phase, episodeStart, breachSamples + 1, level, safeSamples, safeSince);
    }

    ThresholdState escalatedTo(int newLevel) {
        return new ThresholdState(phase, episodeStart, breachSamples, newLevel, 0, 0L);
    }

    /** One more reading beyond the clear value, the first of a run at {@code eventTime}. */
    ThresholdState withAnotherSafeReading(long eventTime) {
        return new ThresholdState(phase, episodeStart, breachSamples, level, safeSamples + 1,
                safeSamples == 0 ? eventTime : safeSince);
    }

    /** A reading not beyond the clear value breaks a run of safe readings. */
    ThresholdState withoutSafeRun() {
        return safeSamples == 0 ? this : new ThresholdState(phase, episodeStart, breachSamples, level, 0, 0L);
    }
}
