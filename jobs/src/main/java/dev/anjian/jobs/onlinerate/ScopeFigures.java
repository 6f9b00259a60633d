package dev.anjian.jobs.onlinerate;

import dev.anjian.events.OnlineRate;

/**
 * One scope's online figures for one local day, up to {@code windowEnd} (epoch ms): the day so far every
 * minute, then once {@code complete} at the day's end. {@code registered} counts the devices registered at
 * any time of the day (the reporting rate's denominator), {@code registeredNow} and {@code onlineNow} those
 * at {@code windowEnd}; {@code onlineSeconds} / {@code registeredSeconds} is the time-weighted online rate.
 */
public record ScopeFigures(String scopeType, String scope, long windowStart, long windowEnd, long registered,
        long registeredNow, long onlineNow, long reported, long onlineSeconds, long registeredSeconds,
        boolean complete) {

    public double onlineRate() {
        return registeredSeconds == 0 ? 0.0 : (double) onlineSeconds / registeredSeconds;
    }

    public double reportingRate() {
        return registered == 0 ? 0.0 : (double) reported / registered;
    }

    /** The contract record for the online-rates topic. */
    public OnlineRate toOnlineRate() {
        return new OnlineRate(scopeType, scope, windowStart, windowEnd, (int) registered, (int) onlineNow,
                (int) reported, onlineRate(), reportingRate());
    }

    /**
     * The figures of {@code day} given the counts at its start and its bucket, up to {@code untilSecond}
     * (moved to the bucket's last change if that is later, capped at the day's end).
     */
    public static ScopeFigures of(Scopes.Scope scope, LocalDays days, long day, ScopeLedger atStart,
            DayBucket bucket, long untilSecond, boolean complete) {
        long start = days.startOf(day);
        long end = days.endOf(day);
        long until = complete ? end : Math.min(end, Math.max(untilSecond, bucket.latestSecond()));
        long registeredSeconds = atStart.registeredAtOpen() * (until - start)
                + bucket.registeredDelta() * until - bucket.registeredMoment();
        long onlineSeconds = atStart.onlineAtOpen() * (until - start)
                + bucket.onlineDelta() * until - bucket.onlineMoment();
        return new ScopeFigures(scope.type(), scope.name(), start * 1000, until * 1000,
                atStart.registeredAtOpen() + bucket.additions(),
                atStart.registeredAtOpen() + bucket.registeredDelta(),
                atStart.onlineAtOpen() + bucket.onlineDelta(),
                bucket.reported(), onlineSeconds, registeredSeconds, complete);
    }
}
