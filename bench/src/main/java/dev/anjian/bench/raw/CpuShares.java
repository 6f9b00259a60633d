package dev.anjian.bench.raw;

import dev.anjian.bench.proc.ProcessSampler;
import dev.anjian.bench.proc.Processes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who used the CPU during a baseline's measured window, in average cores: thread groups of this JVM (by
 * name marker) and whole processes (this JVM, a broker). On a 2-core machine it names the limit, e.g.
 * "mosquitto 0.98 cores" means the single-threaded broker is saturated.
 */
final class CpuShares implements SteadyWindow.Probe {

    private final Map<String, String> threadMarkers;
    private final List<ProcessSampler> processes;
    private final Map<String, Double> startSeconds = new LinkedHashMap<>();
    private final Map<String, Double> cores = new LinkedHashMap<>();
    private long startNanos;

    /** {@code threadMarkers}: label -> thread name marker, e.g. "subscriber" -> "bench-sub-". */
    CpuShares(Map<String, String> threadMarkers, List<ProcessSampler> processes) {
        this.threadMarkers = new LinkedHashMap<>(threadMarkers);
        this.processes = new ArrayList<>(processes);
    }

    /** This JVM plus every process whose executable is named {@code executable}, e.g. "mosquitto". */
    static List<ProcessSampler> thisJvmAnd(String executable) {
        return thisJvmAnd(executable, Processes.withExecutable(executable));
    }

    /** This JVM plus the processes {@code pids}, each labelled "{label} pid {pid}". */
    static List<ProcessSampler> thisJvmAnd(String label, List<Long> pids) {
        List<ProcessSampler> samplers = new ArrayList<>();
        samplers.add(new ProcessSampler("bench JVM", ProcessHandle.current().pid()));
        pids.forEach(pid -> samplers.add(new ProcessSampler(label + " pid " + pid, pid)));
        return samplers;
    }

    @Override
    public void start() {
        threadMarkers.forEach((label, marker) -> startSeconds.put(label, ThreadCpu.seconds(marker)));
        processes.forEach(ProcessSampler::sample);
        startNanos = System.nanoTime();
    }

    @Override
    public void end() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        threadMarkers.forEach((label, marker) ->
                cores.put(label, (ThreadCpu.seconds(marker) - startSeconds.get(label)) / wall));
        processes.forEach(ProcessSampler::sample);
        processes.forEach(p -> cores.put(p.usage().component(), p.usage().avgCores()));
    }

    Map<String, Double> cores() {
        return cores;
    }

    /** CPU microseconds that the threads of {@code labels} together spent per item at {@code perSecond} items/s. */
    double microsPerItem(double perSecond, String... labels) {
        double busy = 0;
        for (String label : labels) {
            busy += cores.getOrDefault(label, 0.0);
        }
        return perSecond > 0 ? busy / perSecond * 1e6 : 0;
    }

    /** "subscriber 0.41, publishers 0.80, bench JVM 1.30, mosquitto pid 812 0.97 cores". */
    String describe() {
        return cores.entrySet().stream()
                .filter(e -> e.getValue() >= 0.005)
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f", e.getValue()))
                .collect(Collectors.joining(", ")) + " cores";
    }
}
