package dev.anjian.jobs.influx;

import static dev.anjian.jobs.TestDevices.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.common.testing.ItServices;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.DeviceStatus;
import dev.anjian.events.Industry;
import dev.anjian.events.Quality;
import dev.anjian.events.SensorReading;
import dev.anjian.jobs.RegisteredEvent;
import dev.anjian.jobs.testing.InfluxQueries;
import dev.anjian.jobs.testing.RecordingSinkMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the real InfluxDB 1.x reads from the sink's own line protocol: escaped text, gzip, nanosecond times. */
class InfluxLinesIT {

    private InfluxQueries influx;
    private final RecordingSinkMetrics metrics = new RecordingSinkMetrics();

    @BeforeEach
    void database() {
        influx = InfluxQueries.uniqueDatabase(ItServices.influxUrl());
    }

    @AfterEach
    void dropDatabase() {
        influx.close();
    }

    @Test
    void tagsAndStringsWithSpacesCommasEqualsQuotesAndBackslashesComeBackAsWritten() throws Exception {
        String device = "GAS 1,A=2";
        String enterprise = "企业 E1, \"x\"=y";
        String reason = "no \"message\" for 60 s, C:\\gw\\ a=b";
        try (InfluxDbWriter<RegisteredEvent> readings = new InfluxDbWriter<>(target(false), new EventPoints(), metrics);
             InfluxDbWriter<DeviceStatus> statuses = new InfluxDbWriter<>(target(false), new StatusPoints(), metrics)) {
            readings.write(new RegisteredEvent(DeviceEvent.reading(device, at(0), at(0),
                    new SensorReading("CH4", 0.42, "%", Quality.NORMAL)), enterprise, "410100", Industry.COAL_MINE,
                    DeviceKind.GAS_SENSOR), null);
            statuses.write(new DeviceStatus(device, DeviceStatus.Status.OFFLINE, at(60), reason, enterprise, "410100",
                    Industry.COAL_MINE, DeviceKind.GAS_SENSOR), null);
            readings.flush(false);
            statuses.flush(false);
        }

        assertThat(influx.rows("SELECT * FROM reading")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("device", device).containsEntry("enterprise", enterprise).containsEntry("value", 0.42));
        assertThat(influx.rows("SELECT * FROM device_status")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("device", device).containsEntry("reason", reason).containsEntry("online", 0.0));
    }

    @Test
    void gzippedBatchesAreStoredLikePlainOnes() throws Exception {
        try (InfluxDbWriter<RegisteredEvent> writer = new InfluxDbWriter<>(target(true), new EventPoints(), metrics)) {
            for (int i = 0; i < 25; i++) { // two full batches of 10 and a partial one
                writer.write(reading("GAS-" + (i % 5), 0.01 * i, i), null);
            }
            writer.flush(true);
        }

        assertThat(influx.rows("SELECT count(value) FROM reading")).extracting(r -> r.get("count"))
                .containsExactly(25.0);
        assertThat(influx.rows("SELECT value FROM reading WHERE device = 'GAS-4' ORDER BY time"))
                .extracting(r -> r.get("value")).containsExactly(0.04, 0.09, 0.14, 0.19, 0.24);
        assertThat(metrics.count("numRecordsSend")).isEqualTo(25);
        assertThat(metrics.count("numBytesSend")).as("line protocol bytes before gzip").isPositive();
    }

    @Test
    void twoDeadLettersOfOneSourceInOneMillisecondAreTwoPoints() throws Exception {
        DeadLetter first = DeadLetter.of("jt808", "/127.0.0.1:5000", "bad checksum", new byte[] {1}, at(0));
        DeadLetter second = DeadLetter.of("jt808", "/127.0.0.1:5001", "bad checksum", new byte[] {1}, at(0));
        try (InfluxDbWriter<DeadLetter> writer = new InfluxDbWriter<>(target(false), new DeadLetterPoints(), metrics)) {
            writer.write(first, null);
            writer.write(second, null);
            writer.flush(false);
        }

        List<Map<String, Object>> rows = influx.rows("SELECT origin, reason FROM dead_letter");
        assertThat(rows).extracting(r -> r.get("origin")).containsExactlyInAnyOrder("/127.0.0.1:5000", "/127.0.0.1:5001");
        assertThat(rows).extracting(r -> Instant.parse((String) r.get("time")).toEpochMilli())
                .containsExactly(at(0), at(0));
    }

    private InfluxTarget target(boolean gzip) {
        return new InfluxTarget(ItServices.influxUrl(), influx.database(), "", "", 10, 0, Duration.ofMillis(10), gzip, 2);
    }

    private static RegisteredEvent reading(String device, double value, int atSeconds) {
        return new RegisteredEvent(DeviceEvent.reading(device, at(atSeconds), at(atSeconds),
                new SensorReading("CH4", value, "%", Quality.NORMAL)), "E1", "410100", Industry.COAL_MINE,
                DeviceKind.GAS_SENSOR);
    }
}
