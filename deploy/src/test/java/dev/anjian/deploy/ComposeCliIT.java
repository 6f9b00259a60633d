package dev.anjian.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compose itself validates deploy/compose/docker-compose.yml against its schema: Debian 12's docker-compose
 * (1.29, installed by deploy/local/stack.sh install) needs no container engine for {@code config -q}. A copy
 * with one misspelt key shows that it does reject.
 */
class ComposeCliIT {

    private static final Path DIR = Repo.path("deploy/compose");

    @BeforeAll
    static void dockerComposeIsInstalled() throws Exception {
        Result version = run(DIR, "docker-compose", "version", "--short");
        assertThat(version.exit()).as("docker-compose is not installed: deploy/local/stack.sh install (as root) installs"
                + " Debian's package; output: " + version.output()).isZero();
    }

    @Test
    void composeAcceptsTheFileWithAndWithoutTheDemoProfile() throws Exception {
        Result plain = run(DIR, "docker-compose", "-f", "docker-compose.yml", "config", "-q");
        assertThat(plain.exit()).as(plain.output()).isZero();
        Result demo = run(DIR, "docker-compose", "-f", "docker-compose.yml", "--profile", "demo", "config", "--services");
        assertThat(demo.exit()).as(demo.output()).isZero();
        assertThat(demo.output()).contains("simulator", "ingest-2", "flink-jobs");
    }

    @Test
    void composeRejectsAMisspeltKey() throws Exception {
        Path broken = Files.createDirectories(Path.of("target", "compose-broken")).toAbsolutePath();
        for (String file : List.of("anjian.env", "mosquitto.conf")) {
            Files.copy(DIR.resolve(file), broken.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String text = Repo.read(DIR.resolve("docker-compose.yml"));
        String misspelt = text.replace("    stop_grace_period: 75s", "    stop_grace_periods: 75s");
        assertThat(misspelt).isNotEqualTo(text);
        Files.writeString(broken.resolve("docker-compose.yml"), misspelt, StandardCharsets.UTF_8);
        Result result = run(broken, "docker-compose", "-f", "docker-compose.yml", "config", "-q");
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("stop_grace_periods");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("docker-compose", ".log");
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(process.exitValue(), output);
    }
}
