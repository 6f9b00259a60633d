package dev.anjian.jobs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * CPU seconds the benchmark JVM spent, in total and per Flink task (thread names "chain (i/n)#attempt",
 * subtasks summed): a per-core figure that holds on a machine shared with other work, where wall-clock
 * events/s does not. Taken while the tasks still run (a cancelled task's thread is gone). GC and JIT
 * compiler threads are not Java threads: they are in the process total only.
 */
final class CpuUse {

    private static final Pattern SUBTASK = Pattern.compile(" \\(\\d+/\\d+\\)#\\d+$");

    private CpuUse() {
    }

    static double processSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    /** CPU seconds per task (chain name up to its first operator, subtasks summed) and other named threads. */
    static Map<String, Double> perTask() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Double> seconds = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            String task = SUBTASK.matcher(info.getThreadName()).find()
                    ? SUBTASK.matcher(info.getThreadName()).replaceAll("")
                    : "(other JVM thread) " + info.getThreadName().replaceAll("[-#]?\\d+", "");
            String head = task.contains(" -> ") ? task.substring(0, task.indexOf(" -> ")) + " -> ..." : task;
            seconds.merge(head, Math.max(nanos, 0) / 1e9, Double::sum);
        }
        return seconds;
    }
}
