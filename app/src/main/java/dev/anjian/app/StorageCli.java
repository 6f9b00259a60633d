package dev.anjian.app;

import dev.anjian.common.Config;
import dev.anjian.storage.ReportCommand;
import dev.anjian.storage.StorageCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code anjian storage setup} (database, retention policies, downsampling; idempotent) and
 * {@code anjian report FROM TO SCOPE_TYPE SCOPE [--out DIR]} (the regulator's audit, CSV and HTML). Both read
 * InfluxDB's address from the jobs config ({@code influx.url}, {@code influx.database}).
 */
final class StorageCli {

    private StorageCli() {
    }

    static int storage(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !args.remove(0).equals("setup")) {
            err.println("usage: anjian storage setup [--config FILE]");
            return 2;
        }
        Config config = AnjianMain.config("jobs", Options.value(args, "--config"));
        Options.rejectUnknown(args);
        return new StorageCommand().setup(influxUrl(config), influxDatabase(config), out);
    }

    static int report(List<String> args, PrintStream out, PrintStream err) {
        Path outDir = Options.value(args, "--out");
        Config config = AnjianMain.config("jobs", Options.value(args, "--config"));
        if (args.size() != 4) {
            err.println("usage: anjian report FROM TO SCOPE_TYPE SCOPE [--out DIR] [--config FILE]\n"
                    + "  e.g. anjian report 2026-11-29 2026-11-29 REGION_VEHICLE_CLASS 410100/DANGEROUS_GOODS");
            return 2;
        }
        return new ReportCommand().run(influxUrl(config), influxDatabase(config), args.get(0), args.get(1), args.get(2),
                args.get(3), outDir != null ? outDir : Path.of("var", "reports"), out);
    }

    private static String influxUrl(Config config) {
        return config.string("influx.url", "http://127.0.0.1:8086");
    }

    private static String influxDatabase(Config config) {
        return config.string("influx.database", "anjian");
    }
}
