package dev.anjian.alerting.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.anjian.alerting.pipeline.AlertingCounters;
import dev.anjian.alerting.testing.LogCapture;
import dev.anjian.alerting.testing.TestInflux;
import dev.anjian.events.AlarmState;
import dev.anjian.events.Notification;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The best-effort writer against the real InfluxDB, and against an InfluxDB that is not there. */
class NotificationPointsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long AT = 1_780_000_000_000L;

    private final TestInflux influx = new TestInflux();
    private final AlertingCounters counters = new AlertingCounters();

    @AfterEach
    void dropDatabase() {
        influx.close();
    }

    private static Notification summaryPart(String alarmId) {
        return new Notification(alarmId, AlarmState.RAISED, "E-HN-COAL-01.safety", "138****0101", "E-HN-COAL-01", "log",
                Notification.Result.SENT, "【安监】... 报警3条", AT, 1, "log-1", null);
    }

    @Test
    void pointsOfOneStormSummaryAllLandInTheirOwnDatabaseAtTheirAttemptTime() {
        try (NotificationPoints points = new NotificationPoints(settings(influx.url(), 3), counters)) {
            points.start();
            List.of("A1", "A2", "A3").forEach(id -> points.offer(summaryPart(id)));

            List<TestInflux.Row> rows = influx.awaitRows("SELECT alarm_id, result, enterprise FROM notification",
                    r -> r.size() >= 3, TIMEOUT);
            assertThat(rows).extracting(r -> r.value("alarm_id")).containsExactlyInAnyOrder("A1", "A2", "A3");
            assertThat(rows).allSatisfy(r -> {
                assertThat(((Number) r.value("time")).longValue()).isEqualTo(AT);
                assertThat(r.value("result")).isEqualTo("SENT");
                assertThat(r.value("enterprise")).isEqualTo("E-HN-COAL-01");
            });
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(counters.snapshot().influxWritten()).isEqualTo(3));
        }
        assertThat(counters.snapshot().influxFailed()).isZero();
    }

    @Test
    void anAbsentInfluxDbNeitherBlocksNorThrowsItCountsTheDroppedPointsAndWarnsOnce() throws IOException {
        try (LogCapture logs = new LogCapture();
                NotificationPoints points = new NotificationPoints(settings(deadUrl(), 1), counters)) {
            points.start();
            points.offer(summaryPart("A1"));
            await().atMost(TIMEOUT).until(() -> counters.snapshot().influxFailed() == 1);
            points.offer(summaryPart("A2"));
            points.offer(summaryPart("A3"));
            await().atMost(TIMEOUT).until(() -> counters.snapshot().influxFailed() == 3);

            assertThat(counters.snapshot().influxWritten()).isZero();
            assertThat(logs.lines()).filteredOn(line -> line.contains("unavailable")).hasSize(1)
                    .allSatisfy(line -> assertThat(line).contains("SMS and the ledger are not affected"));
        }
    }

    private InfluxSettings settings(String url, int maxRetries) {
        return new InfluxSettings(url, influx.database(), "", "", maxRetries, Duration.ofMillis(20));
    }

    /** A loopback port nobody listens on: connections are refused at once. */
    private static String deadUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
