package dev.anjian.bench.proc;

import dev.anjian.bench.proc.ProcFiles.CpuTicks;
import dev.anjian.bench.report.ComponentUsage;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CPU and memory of one component process over a measured window, from Linux's {@code /proc}: call
 * {@link #sample()} at the start of the window, then periodically (every second or so, for the peak RSS)
 * and at its end; {@link #usage()} is CPU seconds (utime+stime) between the first and the last sample,
 * average cores = those CPU seconds per wall second, and the largest VmRSS seen.
 *
 * <p>With {@code includeChildren} the figures also count the process's descendants: the CPU time of
 * children it has reaped (cutime+cstime) plus the live descendants' own CPU time and RSS at each sample
 * (e.g. a shell script that started the JVM). A descendant that exits unreaped between samples loses the
 * time it ran since the previous sample.
 *
 * <p>A process that exits during the window keeps its last sampled values; {@link #exited()} tells, and
 * {@link #note()} says so for the report. Thread-safe: a scheduler may sample while another thread reads.
 */
public final class ProcessSampler {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessSampler.class);
    private static final int CLOCK_TICKS = ProcFiles.clockTicksPerSecond();

    private final String component;
    private final long pid;
    private final boolean includeChildren;
    private long firstTicks = -1;
    private long firstNanos;
    private long lastTicks;
    private long lastNanos;
    private long maxRssBytes;
    private int samples;
    private boolean exited;

    public ProcessSampler(String component, long pid) {
        this(component, pid, false);
    }

    public ProcessSampler(String component, long pid, boolean includeChildren) {
        this.component = component;
        this.pid = pid;
        this.includeChildren = includeChildren;
    }

    /** Reads the process's CPU ticks and RSS now; after the process exited, a no-op. */
    public synchronized void sample() {
        if (exited) {
            return;
        }
        long now = System.nanoTime();
        long ticks;
        long rss;
        try {
            ticks = ticks(pid, includeChildren);
            rss = ProcFiles.parseRssBytes(ProcFiles.read(proc(pid, "status")));
        } catch (IOException | RuntimeException e) {
            exited = true;
            LOG.warn("{} (pid {}) cannot be sampled any more ({}); keeping its last values from {} samples",
                    component, pid, e.toString(), samples);
            return;
        }
        if (includeChildren) {
            rss += descendantsRss();
        }
        if (firstTicks < 0) {
            firstTicks = ticks;
            firstNanos = now;
        }
        lastTicks = ticks;
        lastNanos = now;
        maxRssBytes = Math.max(maxRssBytes, rss);
        samples++;
    }

    /** The window so far: zeros before two samples. */
    public synchronized ComponentUsage usage() {
        double cpuSeconds = firstTicks < 0 ? 0 : (double) (lastTicks - firstTicks) / CLOCK_TICKS;
        double wallSeconds = (lastNanos - firstNanos) / 1e9;
        double avgCores = wallSeconds > 0 ? cpuSeconds / wallSeconds : 0;
        return new ComponentUsage(component, pid, cpuSeconds, avgCores, maxRssBytes);
    }

    /** True once the process could not be read any more (it exited, or /proc is not there). */
    public synchronized boolean exited() {
        return exited;
    }

    /** Empty, or why the figures may cover less than the window (for a report note). */
    public synchronized String note() {
        return exited ? component + " (pid " + pid + ") exited during the window; figures up to its last sample" : "";
    }

    private long descendantsRss() {
        return ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants).mapToLong(child -> {
            try {
                return ProcFiles.parseRssBytes(ProcFiles.read(proc(child.pid(), "status")));
            } catch (IOException | RuntimeException e) {
                return 0; // it exited between listing and reading: nothing resident any more
            }
        }).sum();
    }

    private static long ticks(long pid, boolean includeChildren) throws IOException {
        CpuTicks own = ProcFiles.parseStat(ProcFiles.read(proc(pid, "stat")));
        if (!includeChildren) {
            return own.own();
        }
        long live = ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants).mapToLong(child -> {
            try {
                return ProcFiles.parseStat(ProcFiles.read(proc(child.pid(), "stat"))).own();
            } catch (IOException | RuntimeException e) {
                return 0; // exited meanwhile; once reaped its time is in the parent's cutime/cstime
            }
        }).sum();
        return own.withChildren() + live;
    }

    private static Path proc(long pid, String file) {
        return Path.of("/proc", Long.toString(pid), file);
    }
}
