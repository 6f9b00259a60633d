package dev.anjian.jobs.onlinerate;

/**
 * One scope's carried counts: {@code firstOpenDay}, the oldest local day not yet closed, and how many of
 * the scope's devices were registered and effectively online at its start. Closing a day adds its bucket's
 * deltas and moves on to the next day.
 */
public record ScopeLedger(long firstOpenDay, long registeredAtOpen, long onlineAtOpen) {

    ScopeLedger closed(DayBucket bucket) {
        return new ScopeLedger(firstOpenDay + 1, registeredAtOpen + bucket.registeredDelta(),
                onlineAtOpen + bucket.onlineDelta());
    }

    /** A change for an already closed day still moves the counts every later day starts from. */
    ScopeLedger late(ScopeChange change) {
        return new ScopeLedger(firstOpenDay, registeredAtOpen + change.registeredDelta(),
                onlineAtOpen + change.onlineDelta());
    }

    boolean isEmpty() {
        return registeredAtOpen == 0 && onlineAtOpen == 0;
    }
}
