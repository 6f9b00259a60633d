package dev.anjian.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: help, exit codes, and errors that say what to do. */
class AnjianMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    private int run(String... args) {
        return AnjianMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("ingest", "jobs", "alerting", "simulate", "demo", "watch", "registry validate FILE",
                        "registry import FILE [--prune]", "registry hash-password", "ANJIAN_KAFKA_BOOTSTRAP");
    }

    @Test
    void noArgumentsShowsHelpAndFails() {
        assertThat(run()).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("anjian - ");
    }

    @Test
    void anUnknownCommandSaysSo() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'", "anjian --help");
    }

    @Test
    void theExampleRegistryValidates() {
        assertThat(run("registry", "validate", "../config/registry/henan-example.yaml")).isZero();
    }

    @Test
    void anInvalidRegistryFailsNamingTheLine() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                enterprises:
                  - id: E1
                    name: 某企业
                    region: "410100"
                    industry: MINING
                    devices: []
                """);
        assertThat(run("registry", "validate", bad.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8))
                .contains("bad.yaml:5", "industry");
    }

    @Test
    void aMissingConfigFileIsAClearError() {
        assertThat(run("ingest", "--config", dir.resolve("nope.properties").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("config file not found", "nope.properties");
    }

    @Test
    void strayArgumentsAreRejected() {
        assertThat(run("jobs", "--confgi", "x")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unexpected arguments [--confgi, x]");
    }
}
