package dev.anjian.dashboards;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;

/**
 * The last 24 hours of a small province, written with the measurement schema of DESIGN.md "Storage" (and
 * the jobs' point mappers): hour {@code h} is {@code anchor - 24h + h}.
 * <pre>
 * E-PDS-01 (410400, coal mine)   GAS-01 CH4 every 10 min, 1.6 % from 10:00 to 10:30; GAS-02 CH4 0.2 %
 *   GAS-01: RAISED L1 10:00, ESCALATED L2 10:05, ACKNOWLEDGED by zhang.san 10:08, CLEARED 10:30, HANDLED 11:00
 *   GAS-02: RAISED L1 20:00 (open)
 * E-ZZ-COLD (410100, ammonia)    NH3-01 every 10 min until 12:00, OFFLINE since 12:05 (alarm open)
 * E-ZZ-DG (410100, road)         DG-1, DG-2 positions every 10 min (DG-2 offline 05:05-07:00); DG-1 video loss ch1 15:00 (open)
 * online_rate                    minute points (ALL) every 10 min: 5 registered, 5 online, 4 after 12:05;
 *                                day points for the last 3 local days: ALL, 3 regions, 3 enterprises, 3 industries
 * notification                   E-PDS-01 sms: 2 SENT, 1 FAILED;  dead_letter: mqtt 2, jt808 1
 * </pre>
 */
final class SimulatedDay {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int READINGS = 144 + 144 + 72;
    static final int POSITIONS = 144 + 132;
    static final int STATUS_CHANGES = 8;
    static final double TODAY_ALL_RATE = 0.95;

    private final Instant start;
    private final BatchPoints batch;

    private SimulatedDay(Instant anchor, String database) {
        this.start = anchor.minus(Duration.ofHours(24)).plus(Duration.ofMinutes(5));
        this.batch = BatchPoints.database(database).precision(TimeUnit.MILLISECONDS).build();
    }

    static void write(InfluxDB influx, String database) {
        SimulatedDay day = new SimulatedDay(Instant.now().truncatedTo(ChronoUnit.MINUTES), database);
        day.readings();
        day.vehicles();
        day.statuses();
        day.alarms();
        day.onlineRates();
        day.ledger();
        influx.write(day.batch);
    }

    private void readings() {
        for (int i = 0; i < 144; i++) {
            long minutes = i * 10L;
            double gas = minutes >= 600 && minutes < 630 ? 1.6 : 0.3;
            reading("GAS-01", "CH4", "E-PDS-01", "410400", "COAL_MINE", "GAS_SENSOR", minutes, gas);
            reading("GAS-02", "CH4", "E-PDS-01", "410400", "COAL_MINE", "GAS_SENSOR", minutes, 0.2);
            if (minutes < 720) {
                reading("NH3-01", "NH3", "E-ZZ-COLD", "410100", "AMMONIA_REFRIGERATION", "AMMONIA_SENSOR", minutes, 5.0);
            }
        }
    }

    private void vehicles() {
        for (int i = 0; i < 144; i++) {
            long minutes = i * 10L;
            vehicle("DG-1", minutes, 34.75 + i * 0.001, 113.62, 60.0);
            if (minutes < 300 || minutes >= 420) {
                vehicle("DG-2", minutes, 34.70, 113.60 + i * 0.001, 45.5);
            }
        }
    }

    private void statuses() {
        status("GAS-01", "E-PDS-01", "410400", "COAL_MINE", "GAS_SENSOR", 1, true, "message received");
        status("GAS-02", "E-PDS-01", "410400", "COAL_MINE", "GAS_SENSOR", 1, true, "message received");
        status("NH3-01", "E-ZZ-COLD", "410100", "AMMONIA_REFRIGERATION", "AMMONIA_SENSOR", 1, true, "message received");
        status("NH3-01", "E-ZZ-COLD", "410100", "AMMONIA_REFRIGERATION", "AMMONIA_SENSOR", 725, false, "no message for 300 s");
        status("DG-1", "E-ZZ-DG", "410100", "ROAD_TRANSPORT", "VEHICLE_TERMINAL", 1, true, "message received");
        status("DG-2", "E-ZZ-DG", "410100", "ROAD_TRANSPORT", "VEHICLE_TERMINAL", 1, true, "message received");
        status("DG-2", "E-ZZ-DG", "410100", "ROAD_TRANSPORT", "VEHICLE_TERMINAL", 305, false, "no message for 180 s");
        status("DG-2", "E-ZZ-DG", "410100", "ROAD_TRANSPORT", "VEHICLE_TERMINAL", 420, true, "message received");
    }

    private void alarms() {
        String gas = "A-GAS-01-0600";
        alarm(gas, "GAS-01", "E-PDS-01", "410400", "THRESHOLD", 1, "RAISED", 600, 1.1, 1.0, "threshold:CH4", null);
        alarm(gas, "GAS-01", "E-PDS-01", "410400", "THRESHOLD", 2, "ESCALATED", 605, 1.6, 1.5, "threshold:CH4", null);
        alarm(gas, "GAS-01", "E-PDS-01", "410400", "THRESHOLD", 2, "ACKNOWLEDGED", 608, 1.6, 1.5, "threshold:CH4", "zhang.san");
        alarm(gas, "GAS-01", "E-PDS-01", "410400", "THRESHOLD", 2, "CLEARED", 630, 0.3, 0.8, "threshold:CH4", null);
        alarm(gas, "GAS-01", "E-PDS-01", "410400", "THRESHOLD", 2, "HANDLED", 660, 0.3, 0.8, "threshold:CH4", "zhang.san");
        alarm("A-GAS-02-1200", "GAS-02", "E-PDS-01", "410400", "THRESHOLD", 1, "RAISED", 1200, 1.2, 1.0, "threshold:CH4", null);
        alarm("A-NH3-01-0725", "NH3-01", "E-ZZ-COLD", "410100", "OFFLINE", 1, "RAISED", 725, 0, 0, "offline", null);
        alarm("A-DG-1-0900", "DG-1", "E-ZZ-DG", "410100", "VEHICLE", 1, "RAISED", 900, 1, 0, "jt1078:video-loss:ch1", null);
    }

    private void onlineRates() {
        for (int i = 0; i < 144; i++) {
            long minutes = i * 10L;
            point(Point.measurement("online_rate").time(at(minutes), TimeUnit.MILLISECONDS)
                    .tag(Map.of("scope_type", "ALL", "scope", "all", "window", "minute"))
                    .addField("online", minutes >= 725 ? 4L : 5L).addField("total", 5L)
                    .addField("rate", TODAY_ALL_RATE).addField("complete", false));
        }
        LocalDate today = LocalDate.now(CHINA);
        for (int back = 0; back < 3; back++) {
            long dayStart = today.minusDays(back).atStartOfDay(CHINA).toInstant().toEpochMilli();
            boolean complete = back > 0;
            day(dayStart, "ALL", "all", back == 0 ? TODAY_ALL_RATE : 0.97, complete);
            for (String scope : new String[] {"410000", "410100", "410400"}) {
                day(dayStart, "REGION", scope, 0.9, complete);
            }
            for (String scope : new String[] {"E-PDS-01", "E-ZZ-COLD", "E-ZZ-DG"}) {
                day(dayStart, "ENTERPRISE", scope, 0.92, complete);
            }
            for (String scope : new String[] {"COAL_MINE", "AMMONIA_REFRIGERATION", "ROAD_TRANSPORT"}) {
                day(dayStart, "INDUSTRY", scope, 0.93, complete);
            }
        }
    }

    private void ledger() {
        notification(620, "SENT");
        notification(621, "SENT");
        notification(1201, "FAILED");
        deadLetter(100, "mqtt");
        deadLetter(200, "mqtt");
        deadLetter(300, "jt808");
    }

    private void reading(String device, String metric, String enterprise, String region, String industry, String kind,
            long minutes, double value) {
        point(Point.measurement("reading").time(at(minutes), TimeUnit.MILLISECONDS)
                .tag(Map.of("device", device, "metric", metric, "enterprise", enterprise, "region", region,
                        "industry", industry, "kind", kind))
                .addField("value", value).addField("quality", "NORMAL"));
    }

    private void vehicle(String device, long minutes, double lat, double lon, double speed) {
        point(Point.measurement("vehicle").time(at(minutes), TimeUnit.MILLISECONDS)
                .tag(Map.of("device", device, "enterprise", "E-ZZ-DG", "region", "410100"))
                .addField("lat", lat).addField("lon", lon).addField("speed", speed).addField("direction", 90L)
                .addField("alarm_bits", 0L).addField("status_bits", 3L));
    }

    private void status(String device, String enterprise, String region, String industry, String kind, long minutes,
            boolean online, String reason) {
        point(Point.measurement("device_status").time(at(minutes), TimeUnit.MILLISECONDS)
                .tag(Map.of("device", device, "enterprise", enterprise, "region", region, "industry", industry,
                        "kind", kind))
                .addField("online", online ? 1L : 0L).addField("reason", reason));
    }

    private void alarm(String id, String device, String enterprise, String region, String type, int level, String state,
            long minutes, double value, double threshold, String rule, String operator) {
        Point.Builder point = Point.measurement("alarm").time(at(minutes), TimeUnit.MILLISECONDS)
                .tag(Map.of("device", device, "enterprise", enterprise, "region", region, "type", type,
                        "level", Integer.toString(level), "state", state))
                .addField("value", value).addField("threshold", threshold).addField("alarm_id", id)
                .addField("rule", rule);
        if (rule.startsWith("threshold:")) {
            point.addField("metric", rule.substring("threshold:".length()));
        }
        if (operator != null) {
            point.addField("operator", operator).addField("note", "evacuated, ventilation increased");
        }
        point(point);
    }

    private void day(long dayStart, String scopeType, String scope, double rate, boolean complete) {
        point(Point.measurement("online_rate").time(dayStart, TimeUnit.MILLISECONDS)
                .tag(Map.of("scope_type", scopeType, "scope", scope, "window", "day"))
                .addField("online", 4L).addField("total", 5L).addField("rate", rate).addField("registered", 5L)
                .addField("reported", 5L).addField("reporting_rate", 1.0)
                .addField("online_seconds", Math.round(rate * 432_000)).addField("registered_seconds", 432_000L)
                .addField("complete", complete));
    }

    private void notification(long minutes, String result) {
        point(Point.measurement("notification").time(at(minutes), TimeUnit.MILLISECONDS)
                .tag(Map.of("enterprise", "E-PDS-01", "channel", "sms", "result", result))
                .addField("alarm_id", "A-GAS-01-0600").addField("recipient_masked", "138****0001"));
    }

    private void deadLetter(long minutes, String source) {
        point(Point.measurement("dead_letter").time(at(minutes), TimeUnit.MILLISECONDS)
                .tag("source", source).addField("reason", "not valid JSON").addField("origin", source + "/0@" + minutes));
    }

    private long at(long minutes) {
        return start.plus(Duration.ofMinutes(minutes)).toEpochMilli();
    }

    private void point(Point.Builder point) {
        batch.point(point.build());
    }
}
