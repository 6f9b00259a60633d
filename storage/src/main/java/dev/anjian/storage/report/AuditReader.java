package dev.anjian.storage.report;

import dev.anjian.storage.Rows;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads one scope's audit data from InfluxDB: daily {@code online_rate} points, {@code device_status} for
 * offline episodes and {@code alarm} points for alarm handling, day by day (a progress line per day on long
 * ranges), plus a week after the range for acknowledgements and handling that came later.
 */
public final class AuditReader {

    static final Duration FOLLOW_UP = Duration.ofDays(7);

    private final Rows rows;
    private final ZoneId zone;
    private final PrintStream progress;

    public AuditReader(Rows rows, ZoneId zone, PrintStream progress) {
        this.rows = rows;
        this.zone = zone;
        this.progress = progress;
    }

    public AuditData read(ReportScope scope, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<DailyRate> rates = rates(scope, start, end);
        List<String> devices = devices(scope);
        Map<String, List<OfflineEpisodes.StatusPoint>> statuses = new LinkedHashMap<>();
        Map<String, String> enterprises = new LinkedHashMap<>();
        List<AlarmHandling.AlarmPoint> alarms = new ArrayList<>();
        long days = from.datesUntil(to.plusDays(1)).count();
        long day = 0;
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            day++;
            if (days > 1) {
                progress.printf("  reading %s (day %d of %d)%n", date, day, days);
            }
            Instant dayStart = date.atStartOfDay(zone).toInstant();
            Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
            readStatuses(scope, dayStart, dayEnd, statuses, enterprises);
            alarms.addAll(alarmPoints(devices, scope, dayStart, dayEnd));
        }
        alarms.addAll(alarmPoints(devices, scope, end, end.plus(FOLLOW_UP)));
        Map<String, OfflineEpisodes.StatusPoint> before = statusBefore(scope, start, enterprises);
        List<OfflineEpisode> episodes = new ArrayList<>();
        for (String device : enterprises.keySet()) {
            episodes.addAll(OfflineEpisodes.of(device, enterprises.get(device),
                    statuses.getOrDefault(device, List.of()), start, before.get(device)));
        }
        Instant rangeEnd = end.isAfter(Instant.now()) ? Instant.now() : end;
        return new AuditData(scope, from, to, rangeEnd, rates, episodes, AlarmHandling.of(alarms, start, end));
    }

    private List<DailyRate> rates(ReportScope scope, Instant start, Instant end) {
        String query = "SELECT \"registered\", \"reported\", \"reporting_rate\", \"online_seconds\", \"registered_seconds\","
                + " \"rate\", \"complete\" FROM \"online_rate\" WHERE \"window\" = 'day' AND \"scope_type\" = '"
                + scope.type() + "' AND \"scope\" = '" + scope.name() + "' AND " + range(start, end);
        return rows.query(query).stream().map(row -> new DailyRate(
                LocalDate.ofInstant(Instant.parse((String) row.get("time")), zone),
                number(row, "registered"), number(row, "reported"), decimal(row, "reporting_rate"),
                number(row, "online_seconds"), number(row, "registered_seconds"), decimal(row, "rate"),
                Boolean.TRUE.equals(row.get("complete")))).toList();
    }

    private List<String> devices(ReportScope scope) {
        String where = scope.statusFilter().isEmpty() ? "" : " WHERE " + scope.statusFilter();
        return rows.query("SHOW TAG VALUES FROM \"device_status\" WITH KEY = \"device\"" + where).stream()
                .map(row -> (String) row.get("value")).toList();
    }

    private void readStatuses(ReportScope scope, Instant from, Instant to,
            Map<String, List<OfflineEpisodes.StatusPoint>> statuses, Map<String, String> enterprises) {
        String query = "SELECT \"online\", \"reason\" FROM \"device_status\" WHERE " + and(scope.statusFilter())
                + range(from, to) + " GROUP BY \"device\", \"enterprise\"";
        for (Map<String, Object> row : rows.query(query)) {
            String device = (String) row.get("device");
            enterprises.putIfAbsent(device, (String) row.get("enterprise"));
            statuses.computeIfAbsent(device, d -> new ArrayList<>()).add(status(row, "online"));
        }
    }

    private Map<String, OfflineEpisodes.StatusPoint> statusBefore(ReportScope scope, Instant start,
            Map<String, String> enterprises) {
        String query = "SELECT last(\"online\") AS \"online\", \"reason\" FROM \"device_status\" WHERE "
                + and(scope.statusFilter()) + "time < " + start.toEpochMilli() + "ms GROUP BY \"device\", \"enterprise\"";
        Map<String, OfflineEpisodes.StatusPoint> before = new LinkedHashMap<>();
        for (Map<String, Object> row : rows.query(query)) {
            String device = (String) row.get("device");
            enterprises.putIfAbsent(device, (String) row.get("enterprise"));
            before.put(device, status(row, "online"));
        }
        return before;
    }

    private List<AlarmHandling.AlarmPoint> alarmPoints(List<String> devices, ReportScope scope, Instant from, Instant to) {
        if (devices.isEmpty() && !scope.type().equals("ALL")) {
            return List.of();
        }
        String deviceFilter = scope.type().equals("ALL") ? "" : "\"device\" =~ /^(" + devices.stream()
                .map(d -> "\\Q" + d + "\\E").collect(Collectors.joining("|")) + ")$/ AND ";
        String query = "SELECT \"alarm_id\", \"rule\", \"operator\" FROM \"alarm\" WHERE " + deviceFilter + range(from, to)
                + " GROUP BY \"device\", \"enterprise\", \"type\", \"level\", \"state\"";
        return rows.query(query).stream().map(row -> new AlarmHandling.AlarmPoint(
                Instant.parse((String) row.get("time")), (String) row.get("alarm_id"), (String) row.get("device"),
                (String) row.get("enterprise"), (String) row.get("type"), String.valueOf(row.get("rule")),
                Integer.parseInt((String) row.get("level")), (String) row.get("state"), (String) row.get("operator")))
                .toList();
    }

    private static OfflineEpisodes.StatusPoint status(Map<String, Object> row, String column) {
        return new OfflineEpisodes.StatusPoint(Instant.parse((String) row.get("time")), number(row, column) == 1,
                row.get("reason") == null ? "" : (String) row.get("reason"));
    }

    private static String and(String filter) {
        return filter.isEmpty() ? "" : filter + " AND ";
    }

    private static String range(Instant from, Instant to) {
        return "time >= " + from.toEpochMilli() + "ms AND time < " + to.toEpochMilli() + "ms";
    }

    private static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static double decimal(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}
