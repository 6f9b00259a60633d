package dev.anjian.storage.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes one scope's audit for a range of local days into {@code outDir}: {@code <base>.csv} (online
 * rates per day), {@code <base>-offline.csv}, {@code <base>-alarms.csv} and {@code <base>.html} (all three
 * tables and a chart), {@code <base>} e.g. {@code audit-REGION_VEHICLE_CLASS-410100_DANGEROUS_GOODS-2026-11-29}.
 */
public final class AuditReport {

    private final ZoneId zone;
    private final double target;

    public AuditReport(ZoneId zone, double target) {
        this.zone = zone;
        this.target = target;
    }

    /** The files written, the main CSV first. */
    public List<Path> write(AuditData data, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        ReportTables tables = new ReportTables(zone);
        List<ReportTables.Table> all = List.of(tables.rates(data), tables.episodes(data), tables.alarms(data));
        String base = "audit-" + data.scope().type() + "-" + data.scope().name().replace('/', '_') + "-" + data.from()
                + (data.to().equals(data.from()) ? "" : "_" + data.to());
        List<Path> files = List.of(outDir.resolve(base + ".csv"), outDir.resolve(base + "-offline.csv"),
                outDir.resolve(base + "-alarms.csv"), outDir.resolve(base + ".html"));
        for (int i = 0; i < all.size(); i++) {
            CsvFiles.write(files.get(i), all.get(i));
        }
        String generated = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(zone).format(Instant.now());
        Files.writeString(files.get(3), HtmlReport.render(data, all, target, generated), StandardCharsets.UTF_8);
        return files;
    }
}
