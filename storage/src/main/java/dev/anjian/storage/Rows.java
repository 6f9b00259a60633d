package dev.anjian.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * InfluxQL results as rows of column -> value (time as RFC 3339 text, numbers as Double, the series' tags
 * of a GROUP BY added as columns); a refused query throws with InfluxDB's message.
 */
public final class Rows {

    private final InfluxDB influx;
    private final String database;

    public Rows(InfluxDB influx, String database) {
        this.influx = influx;
        this.database = database;
    }

    public List<Map<String, Object>> query(String influxQl) {
        QueryResult result = influx.query(new Query(influxQl, database));
        String error = result.hasError() ? result.getError() : result.getResults().get(0).getError();
        if (error != null) {
            throw new IllegalStateException("InfluxDB refused \"" + influxQl + "\": " + error);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<QueryResult.Series> series = result.getResults().get(0).getSeries();
        if (series == null) {
            return rows;
        }
        for (QueryResult.Series s : series) {
            if (s.getValues() == null) {
                continue; // e.g. SHOW CONTINUOUS QUERIES lists every database, most with none
            }
            for (List<Object> values : s.getValues()) {
                Map<String, Object> row = new LinkedHashMap<>();
                if (s.getTags() != null) {
                    row.putAll(s.getTags());
                }
                for (int i = 0; i < s.getColumns().size(); i++) {
                    row.put(s.getColumns().get(i), values.get(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    public void execute(String command) {
        QueryResult result = influx.query(new Query(command, database, true));
        String error = result.hasError() ? result.getError() : result.getResults().get(0).getError();
        if (error != null) {
            throw new IllegalStateException("InfluxDB refused \"" + command + "\": " + error);
        }
    }
}
