package dev.anjian.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.events.MqttCredential;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int hashPassword(String stdin) {
        return RegistryCli.run(new ArrayList<>(List.of("hash-password")), Path.of("."),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void hashPasswordPrintsACredentialOfTheFirstStdinLineWithoutItsLineEnding() {
        assertThat(hashPassword("demo-PDS-CH4-T1\r\nsecond line\n")).isZero();

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).matches("sha256:[0-9a-f]{32}:[0-9a-f]{64}\\R").doesNotContain("demo-PDS-CH4-T1");
        MqttCredential credential = MqttCredential.parse(printed.strip());
        assertThat(credential.matches("demo-PDS-CH4-T1")).isTrue();
        assertThat(credential.matches("demo-PDS-CH4-T1\r")).isFalse();
    }

    @Test
    void hashPasswordWithoutAPasswordFails() {
        assertThat(hashPassword("")).isEqualTo(2);
        assertThat(hashPassword("\n")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no password given");
    }
}
