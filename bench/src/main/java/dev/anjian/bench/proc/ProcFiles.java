package dev.anjian.bench.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses the two Linux proc files a sampler needs (proc(5)). {@code /proc/<pid>/stat} e.g.
 * <pre>4242 (java) S 1 4242 ... 13:utime=1520 14:stime=310 15:cutime=0 16:cstime=0 ...</pre>
 * (fields numbered from 1 as in proc(5), so utime is field 14); the command name may itself contain spaces
 * and parentheses, so fields are counted after its last ')'. {@code /proc/<pid>/status} has {@code VmRSS: 123456 kB}.
 */
final class ProcFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ProcFiles.class);
    private static final int DEFAULT_CLOCK_TICKS = 100;
    private static final int FIRST_FIELD_AFTER_NAME = 3; // field 3 (state) follows "pid (comm)"

    private ProcFiles() {
    }

    /** utime, stime, cutime, cstime (fields 14-17) in clock ticks. */
    record CpuTicks(long user, long system, long childrenUser, long childrenSystem) {
        long own() {
            return user + system;
        }

        long withChildren() {
            return own() + childrenUser + childrenSystem;
        }
    }

    static CpuTicks parseStat(String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + abbreviate(stat));
        }
        String[] fields = stat.substring(end + 1).trim().split("\\s+");
        if (fields.length < 17 - FIRST_FIELD_AFTER_NAME + 1) {
            throw new IllegalArgumentException("too few fields in /proc/<pid>/stat: " + abbreviate(stat));
        }
        return new CpuTicks(field(fields, 14), field(fields, 15), field(fields, 16), field(fields, 17));
    }

    /** VmRSS in bytes, 0 when absent (a zombie or kernel thread has none). */
    static long parseRssBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024; // always reported in kB
            }
        }
        return 0;
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII);
    }

    /** Clock ticks per second of the stat times: {@code getconf CLK_TCK}, 100 (the Linux default) if that fails. */
    static int clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Integer.parseInt(out);
            }
            LOG.warn("getconf CLK_TCK failed ({}); assuming {} ticks per second", out, DEFAULT_CLOCK_TICKS);
        } catch (IOException | NumberFormatException e) {
            LOG.warn("getconf CLK_TCK unavailable ({}); assuming {} ticks per second", e.toString(), DEFAULT_CLOCK_TICKS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DEFAULT_CLOCK_TICKS;
    }

    private static long field(String[] afterName, int number) {
        return Long.parseLong(afterName[number - FIRST_FIELD_AFTER_NAME]);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
