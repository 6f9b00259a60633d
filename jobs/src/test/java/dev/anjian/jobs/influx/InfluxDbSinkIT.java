package dev.anjian.jobs.influx;

import static dev.anjian.jobs.TestDevices.at;
import static dev.anjian.jobs.TestDevices.gasSensor;
import static dev.anjian.jobs.TestDevices.methane;
import static dev.anjian.jobs.TestDevices.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.common.testing.ItServices;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmIds;
import dev.anjian.events.AlarmState;
import dev.anjian.events.AlarmType;
import dev.anjian.events.Device;
import dev.anjian.events.Industry;
import dev.anjian.jobs.RegisteredEvent;
import dev.anjian.jobs.TestDevices;
import dev.anjian.jobs.testing.InfluxQueries;
import dev.anjian.jobs.testing.RecordingSinkMetrics;
import dev.anjian.jobs.testing.TcpForwarder;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The InfluxDB sink writer against the real InfluxDB 1.x, each test in a database of its own. */
class InfluxDbSinkIT {

    private static final Device GAS = gasSensor("GAS-IT-1", methane(0, 0));

    private String url;
    private InfluxQueries influx;
    private final RecordingSinkMetrics metrics = new RecordingSinkMetrics();

    @BeforeEach
    void database() {
        url = ItServices.influxUrl();
        influx = InfluxQueries.uniqueDatabase(url);
    }

    @AfterEach
    void dropDatabase() {
        influx.close();
    }

    @Test
    void createsTheDatabaseAndWritesReadingsWithTagsOnFlush() throws Exception {
        try (InfluxDbWriter<RegisteredEvent> writer = readingWriter(target(url, 100, 0))) {
            writer.write(stored(0.42, 0), null);
            writer.write(stored(1.25, 10), null);
            writer.write(stored(0.6, 20), null);
            assertThat(writer.pending()).isEqualTo(3);
            assertThat(influx.rows("SELECT * FROM reading")).as("nothing written before flush").isEmpty();

            writer.flush(false);
        }

        List<Map<String, Object>> rows = influx.rows("SELECT * FROM reading ORDER BY time");
        assertThat(rows).extracting(r -> r.get("value")).containsExactly(0.42, 1.25, 0.6);
        assertThat(rows).extracting(r -> Instant.parse((String) r.get("time")).toEpochMilli())
                .containsExactly(at(0), at(10), at(20));
        assertThat(rows.get(0)).containsEntry("device", "GAS-IT-1").containsEntry("metric", "CH4")
                .containsEntry("enterprise", "E-PDS-01").containsEntry("region", "410400")
                .containsEntry("industry", "COAL_MINE").containsEntry("kind", "GAS_SENSOR")
                .containsEntry("quality", "NORMAL");
        assertThat(metrics.count("numRecordsSend")).isEqualTo(3);
    }

    @Test
    void writesEachFullBatchAtOnceAndTheRestOnFlush() throws Exception {
        try (InfluxDbWriter<RegisteredEvent> writer = readingWriter(target(url, 2, 0))) {
            for (int i = 0; i < 5; i++) {
                writer.write(stored(0.1 * i, i), null);
            }
            assertThat(writer.pending()).isEqualTo(1);
            // the two full batches are written in the background, without waiting for a flush
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(influx.rows("SELECT count(value) FROM reading")).extracting(r -> r.get("count"))
                            .containsExactly(4.0));

            writer.flush(true);
            assertThat(writer.pending()).isZero();
        }
        assertThat(influx.rows("SELECT count(value) FROM reading")).extracting(r -> r.get("count"))
                .containsExactly(5.0);
    }

    @Test
    void writesAlarmPointsWithStateAndLevelTags() throws Exception {
        AlarmEvent escalated = new AlarmEvent(AlarmIds.of("GAS-IT-1", "threshold:CH4", at(0)), AlarmState.ESCALATED,
                AlarmType.THRESHOLD, "threshold:CH4", "GAS-IT-1", "E-PDS-01", "平顶山一矿", "410400",
                Industry.COAL_MINE, "", "CH4", "%", 2, 1.62, 1.5, at(0), at(30), false, null, null);
        try (InfluxDbWriter<AlarmEvent> writer =
                     new InfluxDbWriter<>(target(url, 10, 0), new AlarmPoints(), metrics)) {
            writer.write(escalated, null);
            writer.flush(false);
        }

        List<Map<String, Object>> rows = influx.rows("SELECT * FROM alarm");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("device", "GAS-IT-1").containsEntry("enterprise", "E-PDS-01")
                .containsEntry("region", "410400").containsEntry("type", "THRESHOLD").containsEntry("level", "2")
                .containsEntry("state", "ESCALATED").containsEntry("value", 1.62).containsEntry("threshold", 1.5)
                .containsEntry("alarm_id", escalated.alarmId()).containsEntry("rule", "threshold:CH4")
                .containsEntry("metric", "CH4");
        assertThat(Instant.parse((String) rows.get(0).get("time")).toEpochMilli()).isEqualTo(at(30));
    }

    @Test
    void writesVehiclePositions() throws Exception {
        try (InfluxDbWriter<RegisteredEvent> writer = readingWriter(target(url, 10, 0))) {
            writer.write(RegisteredEvent.of(TestDevices.location("VT-IT-1", 0), TestDevices.vehicleTerminal("VT-IT-1")),
                    null);
            writer.flush(false);
        }
        List<Map<String, Object>> rows = influx.rows("SELECT * FROM vehicle");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("device", "VT-IT-1").containsEntry("enterprise", "E-ZZ-BUS")
                .containsEntry("region", "410100").containsEntry("lat", 34.7466).containsEntry("lon", 113.6253)
                .containsEntry("speed", 62.5).containsEntry("direction", 90.0).containsEntry("status_bits", 3.0);
    }

    @Test
    void retriesWhileInfluxDbIsUnreachableAndWritesOnceItIsBack() throws Exception {
        int port = TcpForwarder.freePort();
        URI real = URI.create(url);
        InfluxTarget throughForwarder = new InfluxTarget("http://127.0.0.1:" + port, influx.database(), "", "", 10, 100,
                Duration.ofMillis(50));
        CompletableFuture<InfluxDbWriter<RegisteredEvent>> opening =
                CompletableFuture.supplyAsync(() -> {
                    try {
                        return readingWriter(throughForwarder);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> metrics.count("influxWriteRetries") >= 2);
        assertThat(opening).as("still retrying while nothing listens").isNotDone();

        try (TcpForwarder forwarder = TcpForwarder.open(port, real.getHost(), real.getPort());
             InfluxDbWriter<RegisteredEvent> writer = opening.get(30, TimeUnit.SECONDS)) {
            writer.write(stored(1.7, 0), null);
            writer.flush(false);
            assertThat(forwarder.forwarded()).as("the writer reached InfluxDB through the forwarder").isPositive();
        }
        assertThat(influx.rows("SELECT value FROM reading")).extracting(r -> r.get("value")).containsExactly(1.7);
    }

    @Test
    void recreatesTheDatabaseWhenItDisappearsUnderAWrite() throws Exception {
        try (InfluxDbWriter<RegisteredEvent> writer = readingWriter(target(url, 10, 3))) {
            influx.execute("DROP DATABASE \"" + influx.database() + "\"");
            writer.write(stored(0.9, 0), null);
            writer.flush(false);
        }
        assertThat(metrics.count("influxWriteRetries")).as("the first write failed: database not found").isEqualTo(1);
        assertThat(influx.rows("SELECT value FROM reading")).extracting(r -> r.get("value")).containsExactly(0.9);
    }

    @Test
    void failsAfterTheLastRetrySoTheJobRestartsFromItsCheckpoint() throws Exception {
        InfluxTarget nothingThere = new InfluxTarget("http://127.0.0.1:" + TcpForwarder.freePort(), influx.database(),
                "", "", 10, 2, Duration.ofMillis(1));
        assertThatThrownBy(() -> readingWriter(nothingThere))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("failed after 3 attempts");
        assertThat(metrics.count("influxWriteRetries")).isEqualTo(2);
    }

    @Test
    void aBackgroundWriteThatFailsFailsTheNextFlushSoNoCheckpointCompletesWithoutItsPoints() throws Exception {
        int port = TcpForwarder.freePort();
        URI real = URI.create(url);
        InfluxTarget throughForwarder = new InfluxTarget("http://127.0.0.1:" + port, influx.database(), "", "", 10, 0,
                Duration.ofMillis(1));
        TcpForwarder forwarder = TcpForwarder.open(port, real.getHost(), real.getPort());
        try (InfluxDbWriter<RegisteredEvent> writer = readingWriter(throughForwarder)) {
            forwarder.close(); // InfluxDB gone: the port now refuses connections
            writer.write(stored(0.5, 0), null);

            assertThatThrownBy(() -> writer.flush(false)).isInstanceOf(IOException.class)
                    .hasMessageContaining("a background write to InfluxDB failed")
                    .hasMessageContaining("failed after 1 attempts");
            assertThatThrownBy(() -> writer.write(stored(0.6, 1), null)).as("and every write after it")
                    .isInstanceOf(IOException.class);
        } finally {
            forwarder.close();
        }
        assertThat(metrics.count("numRecordsSend")).isZero();
        assertThat(influx.rows("SELECT value FROM reading")).isEmpty();
    }

    @Test
    void aBackgroundWriteThatFailsFailsTheNextWrite() throws Exception {
        int port = TcpForwarder.freePort();
        URI real = URI.create(url);
        InfluxTarget batchOfOne = new InfluxTarget("http://127.0.0.1:" + port, influx.database(), "", "", 1, 0,
                Duration.ofMillis(1));
        TcpForwarder forwarder = TcpForwarder.open(port, real.getHost(), real.getPort());
        try (InfluxDbWriter<RegisteredEvent> writer = readingWriter(batchOfOne)) {
            forwarder.close();
            writer.write(stored(0.5, 0), null); // a full batch: handed to the background writer, which fails

            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThatThrownBy(() -> writer.write(stored(0.6, 1), null)).isInstanceOf(IOException.class)
                            .hasMessageContaining("a background write to InfluxDB failed"));
        } finally {
            forwarder.close();
        }
    }

    private InfluxDbWriter<RegisteredEvent> readingWriter(InfluxTarget target) throws IOException {
        return new InfluxDbWriter<>(target, new EventPoints(), metrics);
    }

    private InfluxTarget target(String influxUrl, int batchSize, int maxRetries) {
        return new InfluxTarget(influxUrl, influx.database(), "", "", batchSize, maxRetries, Duration.ofMillis(10));
    }

    private static RegisteredEvent stored(double value, int atSeconds) {
        return RegisteredEvent.of(reading(GAS.deviceId(), "CH4", value, atSeconds), GAS);
    }
}
