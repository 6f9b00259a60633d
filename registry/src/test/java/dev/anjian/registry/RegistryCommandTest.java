package dev.anjian.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.events.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and printouts of the CLI verbs that need no Kafka (Kafka paths: RegistryImporterIT). */
class RegistryCommandTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void validatingTheExamplePrintsTheDevicesPerEnterpriseAndKind() {
        int exit = new RegistryCommand().validate(RegistryFileTest.EXAMPLE, out);

        assertThat(exit).isEqualTo(RegistryCommand.OK);
        assertThat(output()).contains("valid, 17 devices",
                "  E-HN-COAL-01 (平顶山示范煤矿): 2 GAS_SENSOR, 1 CO_SENSOR",
                "  E-HN-FLEET-01 (郑州示范客运危货运输公司): 6 VEHICLE_TERMINAL",
                "  total: 17 devices of 6 enterprises");
    }

    @Test
    void anInvalidFilePrintsEveryErrorAndExitsWithOne(@TempDir Path dir) throws IOException {
        Path file = writeInvalidRegistry(dir);

        int exit = new RegistryCommand().validate(file, out);

        assertThat(exit).isEqualTo(RegistryCommand.INVALID_FILE);
        assertThat(output()).contains(
                "bad.yaml:4: enterprises[0].region: must be a 6-digit GB/T 2260 code such as 410100 (Zhengzhou), was '4101'",
                "bad.yaml:8: enterprises[0].devices[0].kind: unknown kind 'SMOKE_SENSOR'",
                "bad.yaml: 2 errors");
    }

    @Test
    void importingAnInvalidFileNeverContactsKafka(@TempDir Path dir) throws IOException {
        Path file = writeInvalidRegistry(dir);

        // Port 1 has no broker: reaching Kafka would fail with exit code 2, not 1.
        int exit = new RegistryCommand().importFile(file, "127.0.0.1:1", Topics.withDefaultPrefix(), true, out);

        assertThat(exit).isEqualTo(RegistryCommand.INVALID_FILE);
        assertThat(output()).contains("bad.yaml: 2 errors", "nothing imported");
    }

    static Path writeInvalidRegistry(Path dir) throws IOException {
        return Files.writeString(dir.resolve("bad.yaml"), """
                enterprises:
                  - id: E-1
                    name: A
                    region: "4101"
                    industry: DUST
                    devices:
                      - id: D-1
                        kind: SMOKE_SENSOR
                        metrics: [{name: CO, unit: ppm, levels: [24], clear: 20}]
                """);
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
