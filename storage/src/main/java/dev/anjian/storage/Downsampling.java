package dev.anjian.storage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The continuous queries that downsample {@code reading} (value per device and metric, all tags kept) into
 * {@code minute.reading_1m} and {@code hour.reading_1h} with fields mean, min, max and count. RESAMPLE FOR
 * re-computes the last intervals, so that readings arriving a little late (back-filled) are included:
 * <pre>
 * SELECT mean(value) AS mean, min(value) AS min, max(value) AS max, count(value) AS count
 *   INTO "anjian"."minute"."reading_1m" FROM "anjian"."autogen"."reading" GROUP BY time(1m), *
 * </pre>
 */
public final class Downsampling {

    public static final String MINUTE_MEASUREMENT = "reading_1m";
    public static final String HOUR_MEASUREMENT = "reading_1h";

    private Downsampling() {
    }

    /** CQ name -> its CREATE statement. */
    public static Map<String, String> queries(String database, RetentionPlan plan) {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("cq_reading_1m", create("cq_reading_1m", database, "1m", "10m",
                select(database, plan.readingPolicy(), RetentionPlan.MINUTE, MINUTE_MEASUREMENT, "1m")));
        queries.put("cq_reading_1h", create("cq_reading_1h", database, "1h", "2h",
                select(database, plan.readingPolicy(), RetentionPlan.HOUR, HOUR_MEASUREMENT, "1h")));
        return queries;
    }

    /** The CQ's SELECT ... INTO, also runnable by hand over a time range (to back-fill the aggregates). */
    public static String select(String database, String from, String into, String measurement, String interval) {
        return "SELECT mean(\"value\") AS \"mean\", min(\"value\") AS \"min\", max(\"value\") AS \"max\","
                + " count(\"value\") AS \"count\" INTO \"" + database + "\".\"" + into + "\".\"" + measurement + "\""
                + " FROM \"" + database + "\".\"" + from + "\".\"reading\" GROUP BY time(" + interval + "), *";
    }

    private static String create(String name, String database, String every, String resampleFor, String select) {
        return "CREATE CONTINUOUS QUERY \"" + name + "\" ON \"" + database + "\" RESAMPLE EVERY " + every
                + " FOR " + resampleFor + " BEGIN " + select + " END";
    }
}
