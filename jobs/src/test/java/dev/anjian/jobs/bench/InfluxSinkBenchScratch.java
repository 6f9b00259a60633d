package dev.anjian.jobs.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * {@link InfluxSinkBench}'s scratch database: a fresh name (bench_sink_&lt;variant&gt;_&lt;random&gt;), created
 * here (the sinks create it too), counted after the run and dropped when closed.
 */
final class InfluxSinkBenchScratch implements AutoCloseable {

    private final String url;
    private final String database;
    private final InfluxDB admin;

    private InfluxSinkBenchScratch(String url, String database) {
        this.url = url;
        this.database = database;
        this.admin = connect(url);
    }

    static InfluxSinkBenchScratch of(String url, String database) {
        InfluxSinkBenchScratch scratch = new InfluxSinkBenchScratch(url, database);
        scratch.run("CREATE DATABASE " + database);
        return scratch;
    }

    String database() {
        return database;
    }

    /** A client set up as the old sink writer's. */
    InfluxDB connect() {
        return connect(url);
    }

    long storedReadings() {
        return count("SELECT count(value) FROM reading");
    }

    /** Readings and vehicle positions stored. */
    long storedEventPoints() {
        return storedReadings() + count("SELECT count(lat) FROM vehicle");
    }

    private long count(String query) {
        QueryResult result = run(query);
        List<QueryResult.Series> series = result.getResults().get(0).getSeries();
        return series == null ? 0 : ((Number) series.get(0).getValues().get(0).get(1)).longValue();
    }

    @Override
    public void close() {
        try {
            run("DROP DATABASE " + database);
        } finally {
            admin.close();
        }
    }

    private QueryResult run(String statement) {
        QueryResult result = admin.query(new Query(statement, database, true));
        if (result.hasError() || result.getResults().get(0).hasError()) {
            throw new IllegalStateException(statement + ": " + result);
        }
        return result;
    }

    private static InfluxDB connect(String url) {
        return InfluxDBFactory.connect(url, new OkHttpClient.Builder()
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS));
    }
}
