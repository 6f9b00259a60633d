package dev.anjian.jobs.cluster;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone Flink session cluster driven through {@code deploy/flink/cluster.sh}, as an operator drives
 * it: its own cluster dir and ports (Failsafe passes them from jobs/pom.xml; {@code -Dit.flink.rest-port=...}
 * moves them). The script's messages go to {@code <cluster dir>/cluster-sh.log}; a failing command throws
 * with their tail. {@link #stop()} also runs from a shutdown hook, so no JVM is left behind when the test
 * JVM is stopped before its {@code @AfterAll}.
 */
final class FlinkClusterScript {

    private static final Logger LOG = LoggerFactory.getLogger(FlinkClusterScript.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);

    private final Path script;
    private final Path clusterDir;
    private final Map<String, String> env;
    private final Thread stopOnExit = new Thread(this::stopQuietly, "flink-cluster-stop");

    private FlinkClusterScript(Path script, Path clusterDir, Map<String, String> env) {
        this.script = script;
        this.clusterDir = clusterDir;
        this.env = env;
    }

    static FlinkClusterScript fromSystemProperties() {
        Path script = Path.of(required("it.flink.cluster-script")).normalize();
        Path clusterDir = Path.of(required("it.flink.cluster-dir")).toAbsolutePath();
        return new FlinkClusterScript(script, clusterDir, Map.of(
                "ANJIAN_FLINK_DIR", clusterDir.toString(),
                "ANJIAN_FLINK_REST_PORT", required("it.flink.rest-port"),
                "ANJIAN_FLINK_RPC_PORT", required("it.flink.rpc-port"),
                "ANJIAN_FLINK_SLOTS", "2"));
    }

    /** The job jar the jobs module builds at {@code package} (Failsafe runs after it). */
    static Path jobJar() {
        Path jar = Path.of(required("it.flink.job-jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no job jar at " + jar + ": build it with mvn -pl jobs package");
        }
        return jar;
    }

    Path clusterDir() {
        return clusterDir;
    }

    void start() {
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        run("start");
    }

    /** Submits the jar's main class with the program args; returns once every task runs. */
    String submit(Path jar, List<String> programArgs) {
        return run("submit", withArgs(List.of(jar.toString()), programArgs));
    }

    /** Stops the job with a savepoint in the cluster's savepoint folder; returns its path. */
    String stopWithSavepoint(String jobId) {
        return run("stop-with-savepoint", jobId);
    }

    /** Submits the jar again, restoring the savepoint's state; returns once every task runs. */
    String resume(Path jar, String savepoint, List<String> programArgs) {
        return run("resume", withArgs(List.of(jar.toString(), savepoint), programArgs));
    }

    void stop() {
        try {
            run("stop");
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: nothing to remove
            }
        }
    }

    private void stopQuietly() {
        try {
            run("stop");
        } catch (RuntimeException e) {
            LOG.error("could not stop the Flink cluster in {}: {}", clusterDir, e.getMessage());
        }
    }

    private static String[] withArgs(List<String> first, List<String> more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(more);
        return all.toArray(String[]::new);
    }

    private String run(String command, String... args) {
        List<String> line = new ArrayList<>(List.of(script.toString(), command, "--profile", "test"));
        line.addAll(List.of(args));
        Path log = clusterDir.resolve("cluster-sh.log");
        long started = System.nanoTime();
        try {
            Files.createDirectories(clusterDir);
            Files.writeString(log, "==== " + String.join(" ", line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(line).redirectError(Redirect.appendTo(log.toFile()))
                    .redirectInput(Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("cluster.sh " + command + " still running after " + COMMAND_TIMEOUT
                        + "; its messages:\n" + tail(log));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("cluster.sh " + command + " failed (exit " + process.exitValue()
                        + "); its messages:\n" + tail(log));
            }
            String output = stdout.get(10, TimeUnit.SECONDS).trim();
            LOG.info("cluster.sh {} took {} ms{}", command, Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    output.isEmpty() ? "" : ": " + output);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + line, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running cluster.sh " + command, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read what cluster.sh " + command + " printed", e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (Failsafe sets it from"
                    + " jobs/pom.xml: run with mvn -pl jobs verify)");
        }
        return value;
    }
}
