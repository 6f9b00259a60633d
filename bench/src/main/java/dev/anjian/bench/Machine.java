package dev.anjian.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the run ran on, for the report: the figures mean little without cores, memory and load. */
final class Machine {

    private Machine() {
    }

    static Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("cpu", firstLine(Path.of("/proc/cpuinfo"), "model name"));
        m.put("memory", firstLine(Path.of("/proc/meminfo"), "MemTotal"));
        m.put("load average (end of run)", String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return m;
    }

    private static String firstLine(Path file, String prefix) {
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(prefix)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            return "? (" + e.getMessage() + ")";
        }
    }
}
