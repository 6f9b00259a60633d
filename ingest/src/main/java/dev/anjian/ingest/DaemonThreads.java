package dev.anjian.ingest;

import java.util.concurrent.ThreadFactory;

/** Threads of ingest's own executors: named for thread dumps, daemon so that they never hold the JVM up. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A factory of daemon threads all called {@code name} (for single-thread executors). */
    public static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
