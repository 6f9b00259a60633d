package dev.anjian.jobs.offline;

/**
 * How far one subtask is behind its input, estimated from the events it processes: a sample is (processing
 * time now) − (the gateway's {@code receivedAt}, or now if that is later); the estimate is the SMALLEST
 * sample of the current and the previous window of {@link #WINDOW_MILLIS} processing time. When neither
 * window has one, it is the last lag measured for up to {@link #STALL_MILLIS}, then 0: a subtask that reads
 * nothing for a few seconds may be stalled (a checkpoint alignment, GC, CPU starvation: its real lag only grew;
 * the load harness saw 1-2 s stalls under overload while timers kept firing, and an estimate of 0 there meant
 * false OFFLINE reports), one that reads nothing for longer is idle (nothing queued that we know of).
 *
 * <p>Why the minimum: one fresh event proves the input is read at least that far; and a gateway whose
 * clock runs behind raises the estimate only when it is the only source. Example: events received at
 * 10:00:00 and 10:00:15 are both processed at 10:00:20 → 5 s; nothing processed since → still 5 s.
 *
 * <p>Written by the task thread only, transient (not checkpointed). {@link #millis} only reads, so a metrics
 * thread may call it too and see a value at most one window stale.
 */
final class InputLag {

    static final long WINDOW_MILLIS = 1_000;
    static final long STALL_MILLIS = 10_000;
    private static final long NONE = Long.MAX_VALUE;

    private long windowEnd = 0; // end (exclusive) of the current window; processing times are epoch ms > 0
    private long current = NONE; // smallest sample in [windowEnd - WINDOW, windowEnd)
    private long previous = NONE; // smallest sample in the window before it
    private long lastMeasured = 0; // smallest sample of the latest window that had one: the estimate while stalled
    private long lastSampleAt = 0;

    /** Records one event received by the gateway at {@code receivedAt}, processed at {@code now}. */
    void sample(long receivedAt, long now) {
        if (now >= windowEnd) { // once a window: everything else is a subtraction and a comparison
            rotate(now);
        }
        lastSampleAt = now;
        long lag = now - Math.min(receivedAt, now); // a gateway clock ahead of ours is not a negative lag
        if (lag < current) {
            current = lag;
        }
    }

    /** The estimate at processing time {@code now}, in ms (see the class comment). */
    long millis(long now) {
        long end = windowEnd;
        long smallest;
        if (now < end) {
            smallest = Math.min(current, previous);
        } else if (now - end < WINDOW_MILLIS) { // the current window became the previous one
            smallest = current;
        } else {
            smallest = NONE;
        }
        if (smallest != NONE) {
            return smallest;
        }
        if (now - lastSampleAt > STALL_MILLIS) {
            return 0; // idle
        }
        return current != NONE ? current : previous != NONE ? previous : lastMeasured; // stalled, or idle for now
    }

    private void rotate(long now) {
        long latest = current != NONE ? current : previous;
        if (latest != NONE) {
            lastMeasured = latest;
        }
        previous = now - windowEnd < WINDOW_MILLIS ? current : NONE; // a skipped window leaves no samples behind
        current = NONE;
        windowEnd = now - Math.floorMod(now, WINDOW_MILLIS) + WINDOW_MILLIS;
    }
}
