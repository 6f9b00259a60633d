package dev.anjian.events;

/** A payload that is not a valid event: bad JSON, a missing or mistyped field. The message names the field. */
public final class EventFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    public EventFormatException(String message) {
        super(message);
    }
}
