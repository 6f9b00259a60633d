package dev.anjian.jobs.influx;

import dev.anjian.common.Config;
import java.io.Serializable;
import java.time.Duration;

/**
 * Where and how the InfluxDB sink writes (InfluxDB 1.x HTTP API): {@code url} e.g.
 * {@code http://127.0.0.1:8086}, the database (created if missing), optional credentials (empty = none),
 * points per write, how often a failed write is retried (backoff doubling from {@code retryBackoff})
 * before the job fails and restarts from its last checkpoint, whether request bodies are gzipped, and how
 * many full batches may wait for or be in a write while the task goes on (at least 1).
 */
public record InfluxTarget(
        String url, String database, String username, String password, int batchSize, int maxRetries,
        Duration retryBackoff, boolean gzip, int maxPendingBatches) implements Serializable {

    private static final long serialVersionUID = 2L;

    /** The defaults of {@code influx.gzip} and {@code influx.max-pending-batches} (measured, BENCHMARKS.md). */
    public static final boolean DEFAULT_GZIP = false;
    public static final int DEFAULT_MAX_PENDING_BATCHES = 2;

    public InfluxTarget {
        if (url == null || url.isBlank() || database == null || database.isBlank()) {
            throw new IllegalArgumentException("InfluxDB url and database are required");
        }
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        if (batchSize < 1 || maxRetries < 0 || retryBackoff == null || retryBackoff.isNegative()
                || maxPendingBatches < 1) {
            throw new IllegalArgumentException("InfluxDB batchSize must be >= 1, maxRetries >= 0, retryBackoff >= 0, "
                    + "maxPendingBatches >= 1");
        }
    }

    /** With the default request encoding and pending batches. */
    public InfluxTarget(String url, String database, String username, String password, int batchSize, int maxRetries,
                        Duration retryBackoff) {
        this(url, database, username, password, batchSize, maxRetries, retryBackoff, DEFAULT_GZIP,
                DEFAULT_MAX_PENDING_BATCHES);
    }

    /** The {@code influx.*} keys every writer to InfluxDB shares (documented in config/jobs.properties). */
    public static InfluxTarget from(Config config) {
        return new InfluxTarget(
                config.string("influx.url", "http://127.0.0.1:8086"),
                config.string("influx.database", "anjian"),
                config.string("influx.username", ""),
                config.string("influx.password", ""),
                config.integer("influx.batch-size", 20_000, 1),
                config.integer("influx.max-retries", 5, 0),
                config.duration("influx.retry-backoff", Duration.ofMillis(500)),
                config.bool("influx.gzip", DEFAULT_GZIP),
                config.integer("influx.max-pending-batches", DEFAULT_MAX_PENDING_BATCHES, 1));
    }

    public boolean hasCredentials() {
        return !username.isEmpty();
    }

    @Override
    public String toString() { // never log the password
        return "InfluxTarget[" + url + ", database " + database + (hasCredentials() ? ", user " + username : "")
                + ", batch " + batchSize + ", retries " + maxRetries + ", pending batches " + maxPendingBatches
                + (gzip ? ", gzip" : "") + "]";
    }
}
