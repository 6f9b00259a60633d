package dev.anjian.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What must be undone however the harness ends (normal end, failure, Ctrl-C): child processes stopped, the
 * phase's topics and database dropped. Registered resources are closed in reverse order by {@link #closeAll}
 * and, if the JVM is stopped first, by a shutdown hook.
 */
final class Cleanup {

    private static final Logger LOG = LoggerFactory.getLogger(Cleanup.class);

    /** An undo step with a name for the log. */
    interface Step {
        void run() throws Exception;
    }

    private record Named(String name, Step step) {
    }

    private final Deque<Named> steps = new ArrayDeque<>();

    Cleanup() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!isEmpty()) {
                System.err.println("bench: stopping what is still running...");
                closeAll();
            }
        }, "bench-cleanup"));
    }

    synchronized void add(String name, Step step) {
        steps.push(new Named(name, step));
    }

    private synchronized boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Runs every registered step, newest first; a failing step is logged and the others still run. */
    void closeAll() {
        while (true) {
            Named next;
            synchronized (this) {
                if (steps.isEmpty()) {
                    return;
                }
                next = steps.pop();
            }
            try {
                next.step().run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("interrupted while {}", next.name());
            } catch (Exception e) {
                LOG.warn("cleanup step '{}' failed: {}", next.name(), e.toString());
                System.err.println("bench: " + next.name() + " failed: " + e.getMessage());
            }
        }
    }
}
