package dev.anjian.alerting.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileSmsProviderTest extends SmsProviderContract {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T08:00:05.120Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Override
    protected SmsProvider workingProvider() {
        return new LogFileSmsProvider(dir.resolve("var/sms.log"), CLOCK);
    }

    /** The log "file" is a directory: nothing can be appended. */
    @Override
    protected SmsProvider unreachableProvider() {
        try {
            return new LogFileSmsProvider(Files.createDirectories(dir.resolve("taken")), CLOCK);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void appendsOneFlushedLinePerSmsWithLocalTimeMaskedPhoneAndText() throws IOException {
        Path file = dir.resolve("var/sms.log");
        try (LogFileSmsProvider provider = new LogFileSmsProvider(file, CLOCK)) {
            provider.send(MESSAGE);
            // Read while the provider is still open: each line must already be on disk.
            assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly(
                    "2026-11-29T16:00:05.120+08:00\t138****0101\t【安监】平顶山某煤矿 测试 编号A1b2c3d4");
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).doesNotContain("13800000101");
    }

    @Test
    void appendsToAnExistingFileAndKeepsEveryLineOneLine() throws IOException {
        Path file = dir.resolve("sms.log");
        Files.writeString(file, "earlier line\n", StandardCharsets.UTF_8);
        try (LogFileSmsProvider provider = new LogFileSmsProvider(file, CLOCK)) {
            provider.send(new SmsMessage("c1", "13900000201", "two\nlines"));
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).endsWith("\t139****0201\ttwo lines");
    }

    @Test
    void aWriteFailureIsRetryable() throws IOException {
        try (SmsProvider provider = unreachableProvider()) {
            SendOutcome outcome = provider.send(MESSAGE);
            assertThat(outcome.kind()).isEqualTo(SendOutcome.Kind.RETRYABLE);
            assertThat(outcome.reason()).contains("cannot append to SMS log file");
        }
    }
}
