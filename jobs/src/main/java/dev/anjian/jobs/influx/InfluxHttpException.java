package dev.anjian.jobs.influx;

import java.io.IOException;

/**
 * InfluxDB answered, but refused: e.g. HTTP 404 {@code {"error":"database not found: \"anjian\""}}, 400
 * {@code field type conflict}, 401, 500. Connection failures are plain IOExceptions.
 */
public final class InfluxHttpException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;

    InfluxHttpException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The database was dropped (or never created): creating it again lets the next attempt succeed. */
    public boolean databaseNotFound() {
        return getMessage().contains("database not found");
    }
}
