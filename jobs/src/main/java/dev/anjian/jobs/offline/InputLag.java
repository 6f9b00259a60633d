package dev.anjian.jobs.offline;

/**
 * How far one subtask is behind its input, estimated from the events it processes: a sample is (processing
 * time now) − (the gateway's {@code receivedAt}, or now if that is later); the estimate is the SMALLEST
 * sample of the current and the previous window of {@link #WINDOW_MILLIS} processing time. When neither
 * window has one, it is the last lag measured (0 before any event): a subtask that reads nothing for a while
 * is either idle (then its last lag was small) or stalled (a checkpoint alignment, GC, CPU starvation: then
 * the last lag is the best guess, and its real lag only grew). The load harness saw the operator read nothing
 * for 1-2 s under overload while its timers kept firing; an estimate of 0 there meant false OFFLINE reports.
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
    private static final long NONE = Long.MAX_VALUE;

    private long windowEnd = 0; // end (exclusive) of the current window; processing times are epoch ms > 0
    private long current = NONE; // smallest sample in [windowEnd - WINDOW, windowEnd)
    private long previous = NONE; // smallest sample in the window before it
    private long lastMeasured = 0; // smallest sample of the latest window that had one: the estimate while idle

    /** Records one event received by the gateway at {@code receivedAt}, processed at {@code now}. */
    void sample(long receivedAt, long now) {
        if (now >= windowEnd) { // once a window: everything else is a subtraction and a comparison
            rotate(now);
        }
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
        return current != NONE ? current : previous != NONE ? previous : lastMeasured; // idle or stalled
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
