package dev.anjian.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finds processes to sample when there is no pid file: by executable name ("mosquitto", "influxd") or by one
 * exact command-line argument ("kafka.Kafka"). Reads {@code /proc/<pid>/cmdline} itself: Java's
 * {@code ProcessHandle.Info.arguments()} is empty for long command lines such as a broker's classpath.
 */
public final class Processes {

    private Processes() {
    }

    /** Pids (other than this JVM) whose executable's file name is {@code name}. */
    public static List<Long> withExecutable(String name) {
        return matching(args -> args.length > 0 && Path.of(args[0]).getFileName() != null
                && Path.of(args[0]).getFileName().toString().equals(name));
    }

    /** Pids (other than this JVM) with {@code argument} as one of their command-line arguments. */
    public static List<Long> withArgument(String argument) {
        return matching(args -> Arrays.asList(args).contains(argument));
    }

    private static List<Long> matching(Predicate<String[]> test) {
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid)
                .filter(pid -> pid != self && test.test(commandLine(pid)))
                .boxed().toList();
    }

    /** The NUL-separated arguments of a process; none if it is gone or unreadable (a kernel thread has none). */
    static String[] commandLine(long pid) {
        try {
            String raw = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
            return raw.isEmpty() ? new String[0] : raw.split("\0");
        } catch (IOException | RuntimeException e) {
            return new String[0];
        }
    }
}
