package dev.anjian.jobs.influx;

import static dev.anjian.jobs.TestDevices.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.events.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeadLetterPointsTest {

    private final DeadLetterPoints points = new DeadLetterPoints();

    @Test
    void deadLetterPointCarriesSourceReasonOriginAndSize() {
        DeadLetter letter = DeadLetter.of("mqtt", "anjian/telemetry/E1/GAS-1", "DeviceEvent: not valid JSON",
                "{bad".getBytes(StandardCharsets.UTF_8), at(0));

        assertThat(points.toPoint(letter).lineProtocol(TimeUnit.MILLISECONDS)).isEqualTo(
                "dead_letter,source=mqtt origin=\"anjian/telemetry/E1/GAS-1\",raw_bytes=4i,"
                        + "reason=\"DeviceEvent: not valid JSON\" " + at(0));
    }

    @Test
    void twoRejectionsInOneMillisecondStayTwoPoints() {
        DeadLetter first = DeadLetter.of("jt808", "/127.0.0.1:5000", "bad checksum", new byte[] {1}, at(0));
        DeadLetter second = DeadLetter.of("jt808", "/127.0.0.1:5001", "bad checksum", new byte[] {1}, at(0));

        String firstTime = points.toPoint(first).lineProtocol(TimeUnit.NANOSECONDS).replaceAll(".* ", "");
        String secondTime = points.toPoint(second).lineProtocol(TimeUnit.NANOSECONDS).replaceAll(".* ", "");
        assertThat(firstTime).isNotEqualTo(secondTime);
        assertThat(Long.parseLong(firstTime) / 1_000_000).isEqualTo(at(0));
        assertThat(Long.parseLong(secondTime) / 1_000_000).isEqualTo(at(0));
    }
}
