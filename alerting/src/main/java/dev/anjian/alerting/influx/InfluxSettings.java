package dev.anjian.alerting.influx;

import java.time.Duration;

/**
 * Where notification points go (InfluxDB 1.x HTTP API): {@code url} e.g. {@code http://127.0.0.1:8086},
 * the database (created if missing), optional credentials (empty = none), and how often a failed batch is
 * retried, the backoff doubling from {@code retryBackoff}, before its points are dropped (the ledger keeps them).
 */
public record InfluxSettings(String url, String database, String username, String password, int maxRetries,
        Duration retryBackoff) {

    public InfluxSettings {
        if (url == null || url.isBlank() || database == null || database.isBlank()) {
            throw new IllegalArgumentException("InfluxDB url and database are required");
        }
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        if (maxRetries < 0 || retryBackoff == null || retryBackoff.isNegative() || retryBackoff.isZero()) {
            throw new IllegalArgumentException("InfluxDB maxRetries must be >= 0 and retryBackoff positive");
        }
    }

    public boolean hasCredentials() {
        return !username.isEmpty();
    }

    @Override
    public String toString() { // never log the password
        return "InfluxSettings[" + url + ", database " + database + (hasCredentials() ? ", user " + username : "")
                + ", retries " + maxRetries + ", backoff " + retryBackoff.toMillis() + " ms]";
    }
}
