package dev.anjian.storage.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything one audit report shows, read from InfluxDB: the scope's days [{@code from}, {@code to}] inclusive. */
public record AuditData(ReportScope scope, LocalDate from, LocalDate to, Instant rangeEnd, List<DailyRate> rates,
        List<OfflineEpisode> episodes, List<AlarmRecord> alarms) {
}
