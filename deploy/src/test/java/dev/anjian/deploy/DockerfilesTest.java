package dev.anjian.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** deploy/docker/*.Dockerfile keep their contract (DockerfileChecks), and each check catches its breakage. */
class DockerfilesTest {

    private static final Path DIR = Repo.path("deploy/docker");
    private static final DocumentedKeys KEYS = DocumentedKeys.load();

    private static List<String> problems(String name, String dockerfile) {
        Path ignore = DIR.resolve(name + ".dockerignore");
        return DockerfileChecks.check(name, dockerfile, Files.exists(ignore) ? Repo.read(ignore) : null, KEYS);
    }

    @Test
    void bothDockerfilesKeepTheirContract() {
        List<Path> dockerfiles = Repo.files(DIR, ".Dockerfile");
        assertThat(dockerfiles).extracting(p -> p.getFileName().toString())
                .containsExactly("anjian.Dockerfile", "flink.Dockerfile");
        for (Path file : dockerfiles) {
            assertThat(problems(file.getFileName().toString(), Repo.read(file))).as(file.toString()).isEmpty();
        }
    }

    @Test
    void theFlinkImageHasTheJarWhereTheFlinkDeploymentsLookForIt() {
        assertThat(FlinkDeploymentChecks.usrlibJar()).isEqualTo("/opt/flink/usrlib/anjian-jobs.jar");
    }

    @Test
    void anUnpinnedBaseImageIsCaught() {
        String text = Repo.read(DIR.resolve("flink.Dockerfile")).replace("FROM flink:2.2.0-java17", "FROM flink:latest");
        assertThat(problems("flink.Dockerfile", text)).anyMatch(p -> p.contains("base image flink:latest is not pinned"));
    }

    @Test
    void aCopiedFileThatIsMissingOrIgnoredIsCaught() {
        String text = Repo.read(DIR.resolve("anjian.Dockerfile"))
                + "\nCOPY README.md /opt/anjian/\nCOPY docs/missing.txt /opt/anjian/\n";
        assertThat(problems("anjian.Dockerfile", text))
                .contains("anjian.Dockerfile: COPY docs/missing.txt does not exist in the repository")
                .anyMatch(p -> p.startsWith("anjian.Dockerfile: COPY README.md is not let through"))
                .noneMatch(p -> p.contains("COPY README.md does not exist"));
    }

    @Test
    void anUndocumentedVariableIsCaught() {
        String text = Repo.read(DIR.resolve("anjian.Dockerfile")) + "\nENV ANJIAN_HEAP=2g\n";
        assertThat(problems("anjian.Dockerfile", text)).anyMatch(p -> p.contains("ANJIAN_HEAP is no documented"));
    }
}
