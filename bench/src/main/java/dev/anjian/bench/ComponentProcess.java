package dev.anjian.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One anjian service in a JVM of its own, exactly as {@code bin/anjian <service>} runs it (AnjianMain, the
 * module openings Flink needs, a config file), but on the harness's classpath, with its log folder, temp
 * folder and console output ({@code <service>.out}) inside the phase's run folder. It is ready when it logs
 * {@code anjian <service> running}; stop() sends SIGTERM (AnjianMain then stops its services in order),
 * and kills it and any descendants after 30 s.
 */
final class ComponentProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ComponentProcess.class);
    private static final List<String> OPENS = List.of("java.lang", "java.util", "java.util.concurrent",
            "java.util.concurrent.atomic", "java.lang.reflect", "java.io", "java.nio", "sun.nio.ch", "java.net", "java.time",
            "java.text", "java.util.concurrent.locks");

    private final String service;
    private final Process process;
    private final Path output;

    private ComponentProcess(String service, Process process, Path output) {
        this.service = service;
        this.process = process;
        this.output = output;
    }

    static ComponentProcess launch(String service, Path config, Path dir, String heap, Path repoRoot) throws IOException {
        return launch(service, service, config, dir, heap, repoRoot);
    }

    /** {@code label} names the output, log and temp folders (a service started twice in one phase needs two). */
    static ComponentProcess launch(String service, String label, Path config, Path dir, String heap, Path repoRoot)
            throws IOException {
        Path tmp = Files.createDirectories(dir.resolve("tmp-" + label));
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx" + heap, "-XX:+UseG1GC"));
        OPENS.forEach(p -> command.add("--add-opens=java.base/" + p + "=ALL-UNNAMED"));
        if (Boolean.getBoolean("bench.jfr")) { // a profile per component, for finding where its CPU goes
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + dir.resolve(label + ".jfr"));
        }
        command.addAll(List.of("-Danjian.home=" + repoRoot, "-Danjian.log.dir=" + dir.resolve("logs-" + label),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), "dev.anjian.app.AnjianMain",
                service, "--config", config.toString()));
        Path output = dir.resolve(label + ".out");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        LOG.info("started anjian {} (pid {}), output in {}", service, process.pid(), output);
        return new ComponentProcess(service, process, output);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits for the service's "running" line; fails with its last output if it exits or takes too long. */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        String marker = "anjian " + service + " running";
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(output, StandardCharsets.UTF_8).contains(marker)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("anjian " + service + " exited with " + process.exitValue()
                        + " during start-up:\n" + tail());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("anjian " + service + " not running after " + timeout.toSeconds() + " s:\n" + tail());
    }

    String service() {
        return service;
    }

    long pid() {
        return process.pid();
    }

    /** Throws when the process has exited: a run must not go on measuring without one of its components. */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("anjian " + service + " (pid " + process.pid() + ") exited with "
                    + process.exitValue() + "; its output: " + output);
        }
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    /** SIGTERM, 30 s to stop cleanly, then SIGKILL for it and its descendants. */
    void stop() throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            LOG.warn("anjian {} (pid {}) did not stop within 30 s: killing it", service, process.pid());
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        LOG.info("anjian {} stopped (exit {})", service, process.isAlive() ? "?" : process.exitValue());
    }
}
