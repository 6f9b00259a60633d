package dev.anjian.storage;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;

/**
 * {@code anjian storage setup}: prepares InfluxDB for anjian (database, retention policies, continuous
 * queries). Prints for a human and returns the process exit code: 0 done, 1 InfluxDB unreachable or refused.
 */
public final class StorageCommand {

    public int setup(String url, String database, PrintStream out) {
        return setup(url, database, RetentionPlan.standard(), out);
    }

    public int setup(String url, String database, RetentionPlan plan, PrintStream out) {
        OkHttpClient.Builder http = new OkHttpClient.Builder().connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS);
        try (InfluxDB influx = InfluxDBFactory.connect(url, http)) {
            out.println("InfluxDB " + url + ", database " + database + ":");
            for (String line : new InfluxSetup(influx, database, plan).apply()) {
                out.println("  " + line);
            }
            out.println("Points written without a retention policy are kept " + plan.auditWeeks() + " weeks ("
                    + plan.defaultPolicy() + "); downsampled readings in " + RetentionPlan.MINUTE + "."
                    + Downsampling.MINUTE_MEASUREMENT + " and " + RetentionPlan.HOUR + "." + Downsampling.HOUR_MEASUREMENT + ".");
            return 0;
        } catch (RuntimeException e) { // InfluxDBIOException (unreachable) or a refused statement
            out.println("InfluxDB setup failed at " + url + ": " + e.getMessage());
            return 1;
        }
    }
}
