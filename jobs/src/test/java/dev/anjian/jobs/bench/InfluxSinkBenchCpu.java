package dev.anjian.jobs.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * CPU seconds of {@link InfluxSinkBench}'s run: the Flink task thread(s), the sink's background writer
 * thread, the raw writer thread (sampled every 100 ms, so threads that end with the job are still counted),
 * this JVM and influxd (from /proc, counted from the first generated point). influxd is the test stack's,
 * shared with whatever else writes to it at the time.
 */
final class InfluxSinkBenchCpu {

    private static final Pattern SUBTASK = Pattern.compile(" \\(\\d+/\\d+\\)#\\d+$");
    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Double> threadSeconds = new ConcurrentHashMap<>();
    private final Map<Long, String> threadGroups = new ConcurrentHashMap<>();
    private final long influxdPid;
    private final Thread sampler;
    private volatile boolean stopping;
    private volatile double jvmAtFirst = -1;
    private volatile double influxdAtFirst = -1;

    private InfluxSinkBenchCpu(long influxdPid) {
        this.influxdPid = influxdPid;
        this.sampler = new Thread(this::sampleUntilStopped, "bench-cpu-sampler");
        sampler.setDaemon(true);
    }

    static InfluxSinkBenchCpu start() throws IOException {
        InfluxSinkBenchCpu cpu = new InfluxSinkBenchCpu(influxdPid());
        cpu.sampler.start();
        return cpu;
    }

    Used stop() throws InterruptedException {
        stopping = true;
        sampler.join();
        sample();
        double task = group("task");
        double writer = group("writer");
        double raw = group("raw");
        return new Used(task, writer, raw, processSeconds() - jvmAtFirst, influxdSeconds() - influxdAtFirst);
    }

    /** CPU seconds by part; per point in µs for the sink's own threads. */
    record Used(double task, double writer, double raw, double jvm, double influxd) {
        String describe(long points) {
            double sinkThreads = task + writer + raw;
            return String.format(Locale.ROOT, "cpu-s: task=%.1f writer=%.1f raw=%.1f jvm=%.1f influxd=%.1f "
                    + "(threads %.2f us/point, influxd %.2f us/point)", task, writer, raw, jvm, influxd,
                    sinkThreads * 1e6 / points, influxd * 1e6 / points);
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private void sampleUntilStopped() {
        while (!stopping) {
            if (jvmAtFirst < 0 && InfluxSinkBench.FIRST_POINT_NANOS.get() != 0) {
                jvmAtFirst = processSeconds();
                influxdAtFirst = influxdSeconds();
            }
            sample();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void sample() {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            String group = SUBTASK.matcher(name).find() ? "task"
                    : name.startsWith("InfluxDB writer") ? "writer"
                    : name.equals("bench-influx-raw") ? "raw" : null;
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (group != null && nanos > 0) {
                threadGroups.put(info.getThreadId(), group);
                threadSeconds.put(info.getThreadId(), nanos / 1e9);
            }
        }
    }

    private double group(String group) {
        return threadSeconds.entrySet().stream().filter(e -> group.equals(threadGroups.get(e.getKey())))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private static double processSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    private double influxdSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/" + influxdPid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND; // utime, stime
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static long influxdPid() throws IOException {
        String pid = System.getProperty("bench.influxdPid");
        if (pid != null) {
            return Long.parseLong(pid);
        }
        for (String file : new String[] {"../deploy/local/var/test/influxdb/influxdb.pid",
                "deploy/local/var/test/influxdb/influxdb.pid"}) {
            if (Files.exists(Path.of(file))) {
                return Long.parseLong(Files.readString(Path.of(file)).trim());
            }
        }
        throw new IOException("no influxd pid: set -Dbench.influxdPid");
    }
}
