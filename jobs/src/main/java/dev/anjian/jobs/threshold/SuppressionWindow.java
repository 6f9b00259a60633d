package dev.anjian.jobs.threshold;

/**
 * A commanded calibration or maintenance window of one device: readings taken (event time) in
 * {@code [from, until)} raise no concentration alarm. {@code operator} is kept for the log.
 */
public record SuppressionWindow(long from, long until, String operator) {

    boolean covers(long eventTime) {
        return eventTime >= from && eventTime < until;
    }
}
