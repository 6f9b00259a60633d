package dev.anjian.jobs.influx;

import java.io.Serializable;
import java.time.Duration;

/**
 * Where and how the InfluxDB sink writes (InfluxDB 1.x HTTP API): {@code url} e.g.
 * {@code http://127.0.0.1:8086}, the database (created if missing), optional credentials (empty = none),
 * points per write, and how often a failed write is retried (backoff doubling from {@code retryBackoff})
 * before the job fails and restarts from its last checkpoint.
 */
public record InfluxTarget(
        String url, String database, String username, String password, int batchSize, int maxRetries,
        Duration retryBackoff) implements Serializable {

    private static final long serialVersionUID = 1L;

    public InfluxTarget {
        if (url == null || url.isBlank() || database == null || database.isBlank()) {
            throw new IllegalArgumentException("InfluxDB url and database are required");
        }
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        if (batchSize < 1 || maxRetries < 0 || retryBackoff == null || retryBackoff.isNegative()) {
            throw new IllegalArgumentException("InfluxDB batchSize must be >= 1, maxRetries >= 0, retryBackoff >= 0");
        }
    }

    public boolean hasCredentials() {
        return !username.isEmpty();
    }

    @Override
    public String toString() { // never log the password
        return "InfluxTarget[" + url + ", database " + database + (hasCredentials() ? ", user " + username : "")
                + ", batch " + batchSize + ", retries " + maxRetries + "]";
    }
}
