package dev.anjian.bench.raw;

import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * The scratch database of a storage baseline: refuses a database that already exists (a benchmark never
 * writes into, or drops, real data), creates it, and drops it when closed.
 */
final class InfluxAdmin implements AutoCloseable {

    private final InfluxDB influx;
    private final String database;

    private InfluxAdmin(InfluxDB influx, String database) {
        this.influx = influx;
        this.database = database;
    }

    static InfluxAdmin scratch(String url, String database) {
        if (!database.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("scratch database name must be [A-Za-z0-9_]+, was '" + database + "'");
        }
        InfluxDB influx = connect(url);
        try {
            if (databases(influx).contains(database)) {
                throw new IllegalArgumentException("database '" + database + "' already exists on " + url
                        + ": a baseline only writes into a scratch database it creates (and drops)");
            }
            run(influx, "CREATE DATABASE " + database);
            return new InfluxAdmin(influx, database);
        } catch (RuntimeException e) {
            influx.close();
            throw e;
        }
    }

    /** Like the product's sink writer (jobs InfluxDbWriter): plain HTTP, no credentials on the test stack. */
    static InfluxDB connect(String url) {
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS);
        return InfluxDBFactory.connect(url, http);
    }

    /** Points stored in the scratch database's {@code reading} measurement (a check that writes landed). */
    long storedReadings() {
        QueryResult result = run(influx, "SELECT count(value) FROM reading", database);
        List<QueryResult.Series> series = result.getResults().get(0).getSeries();
        if (series == null || series.isEmpty()) {
            return 0;
        }
        return ((Number) series.get(0).getValues().get(0).get(1)).longValue();
    }

    @Override
    public void close() {
        try {
            run(influx, "DROP DATABASE " + database);
        } finally {
            influx.close();
        }
    }

    private static QueryResult run(InfluxDB influx, String statement) {
        return run(influx, statement, null);
    }

    private static QueryResult run(InfluxDB influx, String statement, String database) {
        QueryResult result = influx.query(new Query(statement, database, true));
        if (result.hasError()) {
            throw new IllegalStateException(statement + ": " + result.getError());
        }
        return result;
    }

    private static List<String> databases(InfluxDB influx) {
        QueryResult result = run(influx, "SHOW DATABASES");
        List<QueryResult.Series> series = result.getResults().get(0).getSeries();
        if (series == null || series.isEmpty() || series.get(0).getValues() == null) {
            return List.of();
        }
        return series.get(0).getValues().stream().map(row -> String.valueOf(row.get(0))).toList();
    }
}
