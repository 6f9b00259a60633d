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
    void deadLetterPointCarriesSourceReasonOriginAndSizeInNanoseconds() {
        DeadLetter letter = DeadLetter.of("mqtt", "anjian/telemetry/E1/GAS-1", "DeviceEvent: not valid JSON",
                "{bad".getBytes(StandardCharsets.UTF_8), at(0));

        assertThat(points.precision()).isEqualTo(TimeUnit.NANOSECONDS);
        PointMappersTest.assertLine(points, letter,
                "dead_letter,source=mqtt origin=\"anjian/telemetry/E1/GAS-1\",raw_bytes=4i,"
                        + "reason=\"DeviceEvent: not valid JSON\" 1795939200000420065\n");
    }

    @Test
    void sourceIsEscapedAsATagReasonAndOriginAsStrings() {
        DeadLetter letter = DeadLetter.of("mqtt broker,1", "anjian/telemetry/E 1/GAS=1", "not JSON: {\"ts\":\\",
                new byte[] {1}, at(0));

        PointMappersTest.assertLine(points, letter,
                "dead_letter,source=mqtt\\ broker\\,1 origin=\"anjian/telemetry/E 1/GAS=1\",raw_bytes=1i,"
                        + "reason=\"not JSON: {\\\"ts\\\":\\\\\" 1795939200000363581\n");
    }

    @Test
    void twoRejectionsInOneMillisecondStayTwoPoints() {
        DeadLetter first = DeadLetter.of("jt808", "/127.0.0.1:5000", "bad checksum", new byte[] {1}, at(0));
        DeadLetter second = DeadLetter.of("jt808", "/127.0.0.1:5001", "bad checksum", new byte[] {1}, at(0));

        String firstTime = time(first);
        String secondTime = time(second);
        assertThat(firstTime).isNotEqualTo(secondTime);
        assertThat(Long.parseLong(firstTime) / 1_000_000).isEqualTo(at(0));
        assertThat(Long.parseLong(secondTime) / 1_000_000).isEqualTo(at(0));
    }

    private String time(DeadLetter letter) {
        LineBatch batch = new LineBatch();
        points.appendTo(batch, letter);
        return batch.text().strip().replaceAll(".* ", "");
    }
}
