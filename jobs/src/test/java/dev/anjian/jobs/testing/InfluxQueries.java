package dev.anjian.jobs.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/** A test's view of a real InfluxDB: a database of its own, and query results as rows of column -> value. */
public final class InfluxQueries implements AutoCloseable {

    private final InfluxDB influx;
    private final String database;

    private InfluxQueries(InfluxDB influx, String database) {
        this.influx = influx;
        this.database = database;
    }

    /** A fresh, not yet existing database name, e.g. {@code jobs_it_3f2a9c1b}; dropped on close. */
    public static InfluxQueries uniqueDatabase(String url) {
        return new InfluxQueries(InfluxDBFactory.connect(url), "jobs_it_" + UUID.randomUUID().toString().substring(0, 8));
    }

    public String database() {
        return database;
    }

    public void execute(String command) {
        QueryResult result = influx.query(new Query(command, database, true));
        if (result.hasError()) {
            throw new IllegalStateException(command + ": " + result.getError());
        }
    }

    /**
     * Rows of an InfluxQL query (tags and fields as columns, time as RFC 3339); empty when there is no
     * such series, or no database yet (the sink under test creates it).
     */
    public List<Map<String, Object>> rows(String query) {
        QueryResult result = influx.query(new Query(query, database));
        String error = result.hasError() ? result.getError() : result.getResults().get(0).getError();
        if (error != null && error.startsWith("database not found")) {
            return List.of();
        }
        if (error != null) {
            throw new IllegalStateException(query + ": " + error);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<QueryResult.Series> series = result.getResults().get(0).getSeries();
        if (series == null) {
            return rows;
        }
        for (QueryResult.Series s : series) {
            for (List<Object> values : s.getValues()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < s.getColumns().size(); i++) {
                    row.put(s.getColumns().get(i), values.get(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Override
    public void close() {
        try {
            execute("DROP DATABASE \"" + database + "\"");
        } finally {
            influx.close();
        }
    }
}
