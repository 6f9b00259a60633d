package dev.anjian.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an InfluxDB 1.x database to the {@link RetentionPlan}, idempotently: creates what is missing,
 * alters what differs, leaves the rest, and says what it did, one line each ("retention policy raw: created
 * (26w)", "continuous query cq_reading_1m: unchanged"). Run it before the jobs write, or any time after.
 */
public final class InfluxSetup {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxSetup.class);
    private static final Pattern GO_DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private final InfluxDB influx;
    private final String database;
    private final RetentionPlan plan;

    public InfluxSetup(InfluxDB influx, String database, RetentionPlan plan) {
        if (!database.matches("[A-Za-z0-9_\\-]+")) {
            throw new IllegalArgumentException("database name must be letters, digits, _ or -, was " + database);
        }
        this.influx = influx;
        this.database = database;
        this.plan = plan;
    }

    /** Applies the plan; returns one line per database object: created, altered, recreated or unchanged. */
    public List<String> apply() {
        List<String> done = new ArrayList<>();
        execute("CREATE DATABASE \"" + database + "\""); // a no-op when it exists
        done.add("database " + database + ": present");
        Map<String, Policy> policies = policies();
        done.add(policy(policies, plan.defaultPolicy(), plan.auditWeeks(), true));
        done.add(policy(policies, RetentionPlan.RAW, plan.rawWeeks(), false));
        done.add(policy(policies, RetentionPlan.MINUTE, plan.minuteWeeks(), false));
        done.add(policy(policies, RetentionPlan.HOUR, plan.hourWeeks(), false));
        Map<String, String> queries = continuousQueries();
        for (Map.Entry<String, String> cq : Downsampling.queries(database, plan).entrySet()) {
            done.add(continuousQuery(queries, cq.getKey(), cq.getValue()));
        }
        done.forEach(line -> LOG.info("InfluxDB setup: {}", line));
        return done;
    }

    private String policy(Map<String, Policy> existing, String name, int weeks, boolean isDefault) {
        String spec = " ON \"" + database + "\" DURATION " + weeks + "w" + (isDefault ? " DEFAULT" : "");
        Policy now = existing.get(name);
        String what = "retention policy " + name + " (" + weeks + "w" + (isDefault ? ", default" : "") + "): ";
        if (now == null) {
            execute("CREATE RETENTION POLICY \"" + name + "\"" + spec + " REPLICATION 1");
            return what + "created";
        }
        if (now.duration().equals(Duration.ofDays(7L * weeks)) && now.isDefault() == (isDefault || now.isDefault())) {
            return what + "unchanged";
        }
        execute("ALTER RETENTION POLICY \"" + name + "\"" + spec);
        return what + "altered (was " + now.duration().toHours() / 24 / 7 + "w" + (now.isDefault() ? ", default" : "") + ")";
    }

    private String continuousQuery(Map<String, String> existing, String name, String create) {
        String now = existing.get(name);
        if (now != null && normalized(now).equals(normalized(create))) {
            return "continuous query " + name + ": unchanged";
        }
        if (now != null) {
            execute("DROP CONTINUOUS QUERY \"" + name + "\" ON \"" + database + "\"");
        }
        execute(create);
        return "continuous query " + name + ": " + (now == null ? "created" : "recreated");
    }

    private record Policy(Duration duration, boolean isDefault) {
    }

    private Map<String, Policy> policies() {
        Map<String, Policy> policies = new HashMap<>();
        for (List<Object> row : rows(query("SHOW RETENTION POLICIES ON \"" + database + "\""), null)) {
            policies.put((String) row.get(0), new Policy(goDuration((String) row.get(1)), Boolean.TRUE.equals(row.get(4))));
        }
        return policies;
    }

    private Map<String, String> continuousQueries() {
        Map<String, String> queries = new HashMap<>();
        for (List<Object> row : rows(query("SHOW CONTINUOUS QUERIES"), database)) {
            queries.put((String) row.get(0), (String) row.get(1));
        }
        return queries;
    }

    /** InfluxDB's durations: {@code 26208h0m0s}; {@code 0s} is infinite. */
    static Duration goDuration(String text) {
        Matcher m = GO_DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalStateException("unexpected InfluxDB duration " + text);
        }
        long seconds = 0;
        seconds += m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 3600;
        seconds += m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * 60;
        seconds += m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        return Duration.ofSeconds(seconds);
    }

    /** InfluxDB stores a CQ re-formatted (quotes, spacing): compare without them. */
    static String normalized(String query) {
        return query.replace("\"", "").replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }

    private QueryResult query(String command) {
        QueryResult result = influx.query(new Query(command));
        String error = result.hasError() ? result.getError() : result.getResults().get(0).getError();
        if (error != null) {
            throw new IllegalStateException("InfluxDB refused \"" + command + "\": " + error);
        }
        return result;
    }

    private void execute(String command) {
        QueryResult result = influx.query(new Query(command, database, true));
        String error = result.hasError() ? result.getError() : result.getResults().get(0).getError();
        if (error != null) {
            throw new IllegalStateException("InfluxDB refused \"" + command + "\": " + error);
        }
    }

    /** The values of the series named {@code series} (any when null). */
    private static List<List<Object>> rows(QueryResult result, String series) {
        List<List<Object>> rows = new ArrayList<>();
        List<QueryResult.Series> all = result.getResults().get(0).getSeries();
        if (all == null) {
            return rows;
        }
        for (QueryResult.Series s : all) {
            if ((series == null || series.equals(s.getName())) && s.getValues() != null) {
                rows.addAll(s.getValues());
            }
        }
        return rows;
    }
}
