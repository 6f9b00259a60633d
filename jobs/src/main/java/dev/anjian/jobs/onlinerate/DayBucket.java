package dev.anjian.jobs.onlinerate;

/**
 * The changes of one scope within one local day, summed so that order does not matter: for registered and
 * online counts the sum of deltas and the sum of {@code delta * second} (their "moment"), from which the
 * device-seconds up to any second {@code T} of the day are {@code countAtStart * (T - start) + delta * T -
 * moment}. {@code additions} counts registrations (devices registered at any time of the day),
 * {@code reported} the devices that reported, {@code latestSecond} the last change.
 */
public record DayBucket(long registeredDelta, long registeredMoment, long onlineDelta, long onlineMoment,
        long additions, long reported, long latestSecond) {

    public static DayBucket empty() {
        return new DayBucket(0, 0, 0, 0, 0, 0, Long.MIN_VALUE);
    }

    public DayBucket plus(ScopeChange change) {
        long at = change.atSecond();
        return new DayBucket(
                registeredDelta + change.registeredDelta(),
                registeredMoment + change.registeredDelta() * at,
                onlineDelta + change.onlineDelta(),
                onlineMoment + change.onlineDelta() * at,
                additions + Math.max(0, change.registeredDelta()),
                reported + change.reportedDelta(),
                Math.max(latestSecond, at));
    }
}
