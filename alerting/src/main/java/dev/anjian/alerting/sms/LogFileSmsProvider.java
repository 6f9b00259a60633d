package dev.anjian.alerting.sms;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development and demo provider: appends one line per SMS to a local file and flushes it, so the
 * file is the evidence of what would have been sent. Line: local time (GMT+8), masked phone, text,
 * tab-separated, e.g. {@code 2026-11-29T16:00:05.120+08:00	138****5678	【安监】平顶山某煤矿 ...}.
 * A write error is RETRYABLE (the disk may come back); the file is reopened on the next send.
 */
public final class LogFileSmsProvider implements SmsProvider {

    public static final String NAME = "log";
    private static final Logger LOG = LoggerFactory.getLogger(LogFileSmsProvider.class);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneId.of("Asia/Shanghai"));

    private final Path file;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private BufferedWriter writer;

    public LogFileSmsProvider(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized SendOutcome send(SmsMessage message) {
        long now = clock.millis();
        String line = TIME.format(clock.instant()) + '\t' + PhoneMask.mask(message.phone()) + '\t'
                + message.text().replace('\n', ' ').replace('\r', ' ');
        try {
            if (writer == null) {
                writer = open();
            }
            writer.write(line);
            writer.newLine();
            writer.flush();
            return SendOutcome.ok(NAME + "-" + now + "-" + sequence.incrementAndGet());
        } catch (IOException e) {
            closeQuietly();
            return SendOutcome.retryable("cannot append to SMS log file " + file.toAbsolutePath() + ": " + e);
        }
    }

    private BufferedWriter open() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            // Every line was flushed when written; a failing close loses nothing, but say so.
            LOG.warn("closing SMS log file {} failed: {}", file.toAbsolutePath(), e.toString());
        } finally {
            writer = null;
        }
    }
}
