package dev.anjian.storage.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's three tables as header + rows of text, shared by the CSV files and the HTML page so that
 * both say the same: daily online rates, offline episodes, alarm handling. Times are local (the report's zone).
 */
public final class ReportTables {

    /** A table: its title, column names and rows. */
    public record Table(String title, List<String> header, List<List<String>> rows) {
    }

    private final DateTimeFormatter time;

    public ReportTables(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    public Table rates(AuditData data) {
        List<List<String>> rows = new ArrayList<>();
        for (DailyRate rate : data.rates()) {
            rows.add(List.of(rate.day().toString(), Long.toString(rate.registered()), Long.toString(rate.reported()),
                    percent(rate.reportingRate()), Long.toString(rate.onlineSeconds()),
                    Long.toString(rate.registeredSeconds()), percent(rate.onlineRate()),
                    rate.complete() ? "complete" : "so far"));
        }
        return new Table("Online rates per day", List.of("day", "registered", "reported", "reporting rate",
                "online device-seconds", "registered device-seconds", "online rate", "figures"), rows);
    }

    public Table episodes(AuditData data) {
        List<List<String>> rows = new ArrayList<>();
        for (OfflineEpisode episode : data.episodes()) {
            rows.add(List.of(episode.device(), episode.enterprise(), time.format(episode.start()),
                    episode.end() == null ? "still offline" : time.format(episode.end()),
                    duration(Duration.ofSeconds(episode.seconds(data.rangeEnd()))), episode.reason()));
        }
        return new Table("Offline episodes", List.of("device", "enterprise", "offline since", "back online",
                "offline for", "reason"), rows);
    }

    public Table alarms(AuditData data) {
        List<List<String>> rows = new ArrayList<>();
        for (AlarmRecord alarm : data.alarms()) {
            rows.add(List.of(alarm.alarmId(), alarm.device(), alarm.enterprise(), alarm.type(), alarm.rule(),
                    Integer.toString(alarm.maxLevel()), time.format(alarm.raisedAt()),
                    text(alarm.acknowledgedBy()), at(alarm.acknowledgedAt()),
                    alarm.timeToAcknowledge() == null ? "" : duration(alarm.timeToAcknowledge()),
                    at(alarm.clearedAt()), text(alarm.handledBy()), at(alarm.handledAt()),
                    alarm.handled() ? "handled" : "UNHANDLED"));
        }
        return new Table("Alarm handling", List.of("alarm", "device", "enterprise", "type", "rule", "max level",
                "raised", "acknowledged by", "acknowledged", "time to acknowledge", "cleared", "handled by", "handled",
                "status"), rows);
    }

    /** 0.98765 -> {@code 98.77%}. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    /** {@code 1h 02m 03s}, {@code 5m 00s}, {@code 42s}. */
    static String duration(Duration duration) {
        long s = duration.getSeconds();
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh %02dm %02ds", s / 3600, s % 3600 / 60, s % 60);
        }
        return s >= 60 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60) : s + "s";
    }

    private String at(Instant instant) {
        return instant == null ? "" : time.format(instant);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
