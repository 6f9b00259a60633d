package dev.anjian.bench;

import dev.anjian.bench.measure.ProgressLine;
import dev.anjian.bench.measure.Sample;
import dev.anjian.bench.proc.ProcessSampler;
import dev.anjian.bench.report.ComponentUsage;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The once-a-second heartbeat of a phase: takes a {@link Sample}, samples the CPU and memory of every
 * component process while the measured window is open, and prints the progress line every 5 s. Bounded:
 * every wait has a limit in seconds.
 */
final class PhaseMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(PhaseMonitor.class);
    private static final double PROGRESS_EVERY = 5;

    /** Reads every counter once; {@code seconds} since the phase's load started. */
    interface SampleSource {
        Sample take(double seconds) throws Exception;
    }

    private final String phase;
    private final double totalSeconds;
    private final SampleSource source;
    private final long startNanos;
    private final long alarmsExpected;
    private final long offlineExpected;
    private final PrintStream progress;
    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, ProcessSampler> cpu = new LinkedHashMap<>();
    private boolean cpuOpen;
    private double lastProgress = -PROGRESS_EVERY;

    PhaseMonitor(String phase, double totalSeconds, SampleSource source, long startNanos, long alarmsExpected,
            long offlineExpected, PrintStream progress) {
        this.phase = phase;
        this.totalSeconds = totalSeconds;
        this.source = source;
        this.startNanos = startNanos;
        this.alarmsExpected = alarmsExpected;
        this.offlineExpected = offlineExpected;
        this.progress = progress;
    }

    double elapsed() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Samples once a second until {@code seconds} since the start. */
    void runUntil(double seconds) throws Exception {
        while (elapsed() < seconds) {
            tick();
            Thread.sleep(Math.max(1, Math.min(1_000, (long) ((seconds - elapsed()) * 1_000))));
        }
        tick();
    }

    /** Samples once a second while {@code condition} holds, at most until {@code maxSeconds} since the start. */
    void runWhile(BooleanSupplier condition, double maxSeconds) throws Exception {
        while (condition.getAsBoolean() && elapsed() < maxSeconds) {
            Thread.sleep(1_000);
            tick();
        }
    }

    private void tick() throws Exception {
        double now = elapsed();
        samples.add(source.take(now));
        if (cpuOpen) {
            cpu.values().forEach(ProcessSampler::sample);
        }
        if (now - lastProgress >= PROGRESS_EVERY) {
            lastProgress = now;
            progress.println(ProgressLine.of(phase, totalSeconds, samples, PROGRESS_EVERY, alarmsExpected, offlineExpected));
        }
    }

    /** Opens the measured window of CPU and memory for these processes (component name -> pid). */
    void openCpuWindow(Map<String, Long> pids) {
        pids.forEach((name, pid) -> {
            ProcessSampler sampler = new ProcessSampler(phase + "/" + name, pid);
            sampler.sample();
            cpu.put(name, sampler);
        });
        cpuOpen = true;
        LOG.info("{}: CPU window open for {}", phase, pids);
    }

    void closeCpuWindow() {
        if (cpuOpen) {
            cpu.values().forEach(ProcessSampler::sample);
            cpuOpen = false;
        }
    }

    List<ComponentUsage> usage() {
        return cpu.values().stream().map(ProcessSampler::usage).toList();
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    Sample last() {
        return samples.get(samples.size() - 1);
    }
}
