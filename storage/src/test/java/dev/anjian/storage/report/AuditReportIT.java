package dev.anjian.storage.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.common.testing.ItServices;
import dev.anjian.storage.ReportCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A regulator's day report of Zhengzhou's dangerous-goods fleet for 2025-06-10 (local), from the real
 * InfluxDB loaded with:
 * <pre>
 * online_rate  REGION_VEHICLE_CLASS 410100/DANGEROUS_GOODS day: 6 registered, 6 reported, 511920 / 518400 s
 * DG-1         OFFLINE since 06-09 23:00, ONLINE 01:30, OFFLINE 20:00 (still)   -> 2 episodes
 * DG-2         ONLINE since 06-09, OFFLINE 12:00, ONLINE 12:30                   -> 1 episode
 * GAS-01       (Pingdingshan coal mine) OFFLINE 05:00                            -> out of scope
 * A1 on DG-1   RAISED 09:00, ACKNOWLEDGED by li.si 09:04:30, CLEARED 09:30, HANDLED 06-11 08:00 by li.si
 * A2 on DG-2   RAISED 15:00, never handled;  A3 on GAS-01 out of scope
 * </pre>
 */
class AuditReportIT {

    private static final Instant DAY = Instant.parse("2025-06-09T16:00:00Z"); // 2025-06-10 00:00 GMT+8

    private final String database = "report_it_" + UUID.randomUUID().toString().substring(0, 8);
    private InfluxDB influx;

    @BeforeEach
    void load() {
        influx = InfluxDBFactory.connect(ItServices.influxUrl());
        influx.query(new Query("CREATE DATABASE \"" + database + "\"", null, true));
        BatchPoints batch = BatchPoints.database(database).precision(TimeUnit.MILLISECONDS).build();
        batch.point(Point.measurement("online_rate").time(DAY.toEpochMilli(), TimeUnit.MILLISECONDS)
                .tag(Map.of("scope_type", "REGION_VEHICLE_CLASS", "scope", "410100/DANGEROUS_GOODS", "window", "day"))
                .addField("online", 5L).addField("total", 6L).addField("rate", 0.9875).addField("registered", 6L)
                .addField("reported", 6L).addField("reporting_rate", 1.0).addField("online_seconds", 511_920L)
                .addField("registered_seconds", 518_400L).addField("complete", true).build());
        status(batch, "DG-1", "410100", "VEHICLE_TERMINAL", -3600, false, "no message for 180 s");
        status(batch, "DG-1", "410100", "VEHICLE_TERMINAL", 5400, true, "message received");
        status(batch, "DG-1", "410100", "VEHICLE_TERMINAL", 20 * 3600, false, "gateway jt808-1 lost the connection");
        status(batch, "DG-2", "410100", "VEHICLE_TERMINAL", -14 * 3600, true, "message received");
        status(batch, "DG-2", "410100", "VEHICLE_TERMINAL", 12 * 3600, false, "no message for 180 s");
        status(batch, "DG-2", "410100", "VEHICLE_TERMINAL", 12 * 3600 + 1800, true, "message received");
        status(batch, "GAS-01", "410400", "GAS_SENSOR", 5 * 3600, false, "no message for 60 s");
        alarm(batch, "A1", "DG-1", "RAISED", 9 * 3600, null);
        alarm(batch, "A1", "DG-1", "ACKNOWLEDGED", 9 * 3600 + 270, "li.si");
        alarm(batch, "A1", "DG-1", "CLEARED", 9 * 3600 + 1800, null);
        alarm(batch, "A1", "DG-1", "HANDLED", 32 * 3600, "li.si");
        alarm(batch, "A2", "DG-2", "RAISED", 15 * 3600, null);
        alarm(batch, "A3", "GAS-01", "RAISED", 10 * 3600, null);
        influx.write(batch);
    }

    @AfterEach
    void drop() {
        influx.query(new Query("DROP DATABASE \"" + database + "\"", null, true));
        influx.close();
    }

    @Test
    void aDayOfZhengzhousDangerousGoodsFleetAsCsvAndSelfContainedHtml(@TempDir Path out) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int code = new ReportCommand().run(ItServices.influxUrl(), database, "2025-06-10", "2025-06-10",
                "REGION_VEHICLE_CLASS", "410100/DANGEROUS_GOODS", out, new PrintStream(console, true, StandardCharsets.UTF_8));

        assertThat(code).as(console.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("1 days of online rates, 3 offline episodes, 2 alarms (1 unhandled)");
        String base = "audit-REGION_VEHICLE_CLASS-410100_DANGEROUS_GOODS-2025-06-10";
        assertThat(lines(out.resolve(base + ".csv"))).containsExactly(
                "\uFEFFday,registered,reported,reporting rate,online device-seconds,registered device-seconds,online rate,figures",
                "2025-06-10,6,6,100.00%,511920,518400,98.75%,complete");
        assertThat(lines(out.resolve(base + "-offline.csv"))).containsExactly(
                "\uFEFFdevice,enterprise,offline since,back online,offline for,reason",
                "DG-1,E-ZZ-DG,2025-06-10 00:00:00,2025-06-10 01:30:00,1h 30m 00s,no message for 180 s",
                "DG-1,E-ZZ-DG,2025-06-10 20:00:00,still offline,4h 00m 00s,gateway jt808-1 lost the connection",
                "DG-2,E-ZZ-DG,2025-06-10 12:00:00,2025-06-10 12:30:00,30m 00s,no message for 180 s");
        assertThat(lines(out.resolve(base + "-alarms.csv"))).hasSize(3).contains(
                "A1,DG-1,E-ZZ-DG,VEHICLE,jt808:overspeed,1,2025-06-10 09:00:00,li.si,2025-06-10 09:04:30,4m 30s,"
                        + "2025-06-10 09:30:00,li.si,2025-06-11 08:00:00,handled",
                "A2,DG-2,E-ZZ-DG,VEHICLE,jt808:overspeed,1,2025-06-10 15:00:00,,,,,,,UNHANDLED");

        String html = Files.readString(out.resolve(base + ".html"));
        assertThat(html).contains("<svg", "class=\"target\"", "98.75%", "<td class=\"unhandled\">UNHANDLED</td>",
                "every vehicle terminal of region 410100", "Offline episodes (3)");
        assertThat(html).doesNotContain("<script", "<link", "src=", "GAS-01");
    }

    @Test
    void longRangesShowProgressAndBadArgumentsExitWithTwo(@TempDir Path out) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(console, true, StandardCharsets.UTF_8);

        int code = new ReportCommand().run(ItServices.influxUrl(), database, "2025-06-09", "2025-06-11",
                "REGION_VEHICLE_CLASS", "410100/DANGEROUS_GOODS", out, print);

        assertThat(code).isZero();
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("reading 2025-06-09 (day 1 of 3)",
                "reading 2025-06-11 (day 3 of 3)");
        assertThat(new ReportCommand().run(ItServices.influxUrl(), database, "2025-06-11", "2025-06-09", "REGION",
                "410100", out, print)).isEqualTo(2);
        assertThat(new ReportCommand().run(ItServices.influxUrl(), database, "yesterday", "2025-06-09", "REGION",
                "410100", out, print)).isEqualTo(2);
        assertThat(new ReportCommand().run("http://127.0.0.1:1", database, "2025-06-10", "2025-06-10", "REGION",
                "410100", out, print)).isEqualTo(1);
    }

    private static List<String> lines(Path file) throws Exception {
        return List.of(Files.readString(file, StandardCharsets.UTF_8).split("\r\n"));
    }

    private static void status(BatchPoints batch, String device, String region, String kind, int second, boolean online,
            String reason) {
        batch.point(Point.measurement("device_status").time(DAY.plusSeconds(second).toEpochMilli(), TimeUnit.MILLISECONDS)
                .tag(Map.of("device", device, "enterprise", device.startsWith("DG") ? "E-ZZ-DG" : "E-PDS-01",
                        "region", region, "industry", device.startsWith("DG") ? "ROAD_TRANSPORT" : "COAL_MINE", "kind", kind))
                .addField("online", online ? 1L : 0L).addField("reason", reason).build());
    }

    private static void alarm(BatchPoints batch, String id, String device, String state, int second, String operator) {
        Point.Builder point = Point.measurement("alarm").time(DAY.plusSeconds(second).toEpochMilli(), TimeUnit.MILLISECONDS)
                .tag(Map.of("device", device, "enterprise", device.startsWith("DG") ? "E-ZZ-DG" : "E-PDS-01",
                        "region", device.startsWith("DG") ? "410100" : "410400", "type", "VEHICLE", "level", "1",
                        "state", state))
                .addField("value", 1.0).addField("threshold", 0.0).addField("alarm_id", id).addField("rule", "jt808:overspeed");
        if (operator != null) {
            point.addField("operator", operator).addField("note", "driver called");
        }
        batch.point(point.build());
    }
}
