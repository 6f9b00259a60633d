package dev.anjian.alerting.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Storm grouping per enterprise and contact: a window opens with the first state-change SMS to a contact
 * and lasts {@code window}; the first {@code maxIndividual} SMS of the window go out at once, later ones
 * are held and, when the window ends, go out as ONE summary SMS (or as themselves when only one was held).
 * Every held alarm still gets its own ledger record, pointing at the summary. Example (window 60 s, 3
 * individual): 12 alarms in 10 s -> 3 SMS at once + 1 summary of 9 at t+60 s. A window of zero disables
 * grouping. Poll thread only.
 */
public final class StormGrouper {

    public enum Decision { SEND_NOW, HELD }

    private static final class Window {
        final long start;
        int count;
        final List<Notice> held = new ArrayList<>();

        Window(long start) {
            this.start = start;
        }
    }

    private final long windowMillis;
    private final int maxIndividual;
    private final Map<String, Window> windows = new LinkedHashMap<>();

    public StormGrouper(Duration window, int maxIndividual) {
        this.windowMillis = window.toMillis();
        this.maxIndividual = maxIndividual;
    }

    /** SEND_NOW: the caller sends {@code notice}; HELD: it comes back from {@link #due} in a summary. */
    public Decision offer(Notice notice, long now) {
        if (windowMillis <= 0) {
            return Decision.SEND_NOW;
        }
        String key = notice.enterpriseId() + "/" + notice.contact().id();
        Window w = windows.get(key);
        if (w == null || now >= w.start + windowMillis) {
            if (w != null && !w.held.isEmpty()) {
                return Decision.SEND_NOW; // cannot happen when due() runs every tick; never lose the held ones
            }
            w = new Window(now);
            windows.put(key, w);
        }
        w.count++;
        if (w.count <= maxIndividual) {
            return Decision.SEND_NOW;
        }
        w.held.add(notice);
        return Decision.HELD;
    }

    /** The held notices of every window that ended by {@code now}, grouped per contact; the windows close. */
    public List<List<Notice>> due(long now) {
        List<List<Notice>> due = new ArrayList<>();
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
            Window w = it.next();
            if (now >= w.start + windowMillis) {
                if (!w.held.isEmpty()) {
                    due.add(List.copyOf(w.held));
                }
                it.remove();
            }
        }
        return due;
    }

    /** Drops held notices that came from {@code revoked} partitions (their alarms are re-read elsewhere). */
    public List<Notice> drop(java.util.function.Predicate<Notice> revoked) {
        List<Notice> dropped = new ArrayList<>();
        for (Window w : windows.values()) {
            w.held.removeIf(n -> {
                boolean drop = revoked.test(n);
                if (drop) {
                    dropped.add(n);
                }
                return drop;
            });
        }
        return dropped;
    }

    public int held() {
        return windows.values().stream().mapToInt(w -> w.held.size()).sum();
    }
}
