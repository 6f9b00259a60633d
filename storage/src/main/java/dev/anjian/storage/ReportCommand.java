package dev.anjian.storage;

import dev.anjian.storage.report.AuditData;
import dev.anjian.storage.report.AuditReader;
import dev.anjian.storage.report.AuditReport;
import dev.anjian.storage.report.ReportScope;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;

/**
 * {@code anjian report audit}: a scope's online rates, offline episodes and alarm handling for a range of
 * local days (GMT+8), read from InfluxDB into CSV files and a self-contained HTML page. Example: a day of
 * Zhengzhou's dangerous-goods fleet is scope type {@code REGION_VEHICLE_CLASS}, scope
 * {@code 410100/DANGEROUS_GOODS}. Returns the process exit code: 0 written, 1 InfluxDB or file failure,
 * 2 bad arguments.
 */
public final class ReportCommand {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final double DEFAULT_TARGET = 1.0;

    public int run(String url, String database, String fromDay, String toDay, String scopeType, String scope,
            Path outDir, PrintStream out) {
        LocalDate from;
        LocalDate to;
        ReportScope reportScope;
        try {
            from = LocalDate.parse(fromDay);
            to = LocalDate.parse(toDay);
            reportScope = new ReportScope(scopeType, scope);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            out.println("report: " + e.getMessage() + " (days as 2026-11-29; scope type and scope as REGION_VEHICLE_CLASS"
                    + " 410100/DANGEROUS_GOODS)");
            return 2;
        }
        if (to.isBefore(from)) {
            out.println("report: the last day " + to + " is before the first " + from);
            return 2;
        }
        OkHttpClient.Builder http = new OkHttpClient.Builder().connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS);
        try (InfluxDB influx = InfluxDBFactory.connect(url, http)) {
            out.println("Audit of " + reportScope + " for " + from + " to " + to + " from InfluxDB " + url + " (" + database + ")");
            AuditData data = new AuditReader(new Rows(influx, database), CHINA, out).read(reportScope, from, to);
            List<Path> files = new AuditReport(CHINA, DEFAULT_TARGET).write(data, outDir);
            out.printf("%d days of online rates, %d offline episodes, %d alarms (%d unhandled)%n", data.rates().size(),
                    data.episodes().size(), data.alarms().size(), data.alarms().stream().filter(a -> !a.handled()).count());
            files.forEach(file -> out.println("  wrote " + file));
            return 0;
        } catch (IOException e) {
            out.println("report: cannot write to " + outDir + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) { // InfluxDB unreachable or a refused query
            out.println("report: InfluxDB at " + url + " failed: " + e.getMessage());
            return 1;
        }
    }
}
