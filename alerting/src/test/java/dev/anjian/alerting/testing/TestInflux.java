package dev.anjian.alerting.testing;

import static org.awaitility.Awaitility.await;

import dev.anjian.common.testing.ItServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * A database of its own on the real test InfluxDB ({@link ItServices#influxUrl()}), dropped on close, and
 * InfluxQL queries over it as rows. Times come back as epoch milliseconds.
 */
public final class TestInflux implements AutoCloseable {

    /** One result row: the series' GROUP BY tags and the columns by name (including {@code time}). */
    public record Row(Map<String, String> tags, Map<String, Object> values) {

        public Object value(String column) {
            return values.get(column);
        }
    }

    private final String url = ItServices.influxUrl();
    private final String database = "alerting_it_" + UUID.randomUUID().toString().substring(0, 8);
    private final InfluxDB influx = InfluxDBFactory.connect(url);

    public String url() {
        return url;
    }

    public String database() {
        return database;
    }

    /** Rows of {@code query}; empty while the database or the measurement does not exist yet. */
    public List<Row> rows(String query) {
        QueryResult result = influx.query(new Query(query, database), TimeUnit.MILLISECONDS);
        List<Row> rows = new ArrayList<>();
        for (QueryResult.Result r : result.getResults()) {
            if (r.getError() != null) {
                if (r.getError().contains("database not found")) {
                    return rows;
                }
                throw new IllegalStateException("InfluxDB query failed: " + query + ": " + r.getError());
            }
            for (QueryResult.Series series : r.getSeries() == null ? List.<QueryResult.Series>of() : r.getSeries()) {
                for (List<Object> values : series.getValues()) {
                    Map<String, Object> byColumn = new HashMap<>();
                    for (int i = 0; i < series.getColumns().size(); i++) {
                        byColumn.put(series.getColumns().get(i), values.get(i));
                    }
                    rows.add(new Row(series.getTags() == null ? Map.of() : series.getTags(), byColumn));
                }
            }
        }
        return rows;
    }

    public List<Row> awaitRows(String query, Predicate<List<Row>> until, Duration timeout) {
        AtomicReference<List<Row>> last = new AtomicReference<>(List.of());
        await().atMost(timeout).until(() -> {
            last.set(rows(query));
            return until.test(last.get());
        });
        return last.get();
    }

    @Override
    public void close() {
        influx.query(new Query("DROP DATABASE \"" + database + "\""));
        influx.close();
    }
}
