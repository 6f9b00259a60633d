package dev.anjian.ingest.mqtt;

/**
 * Internal control flow of {@link TelemetryPayloadParser}: thrown by its field readers deep in a payload and
 * caught at the top, where it becomes a {@link TelemetryParseResult.Rejection}. Never escapes the parser.
 */
final class PayloadRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PayloadRejected(String reason) {
        super(reason, null, false, false); // no stack trace: this is an expected outcome, not a failure
    }
}
