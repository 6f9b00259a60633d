package dev.anjian.bench.raw;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU seconds of this JVM's live threads whose name contains a marker, e.g. the Paho threads of one client
 * ("MQTT Rec: bench-sub-1a2b") or a baseline's own thread: tells which side of a pipe is busy.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {
    }

    static double seconds(String marker) {
        long nanos = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(marker)) {
                nanos += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return nanos / 1e9;
    }
}
