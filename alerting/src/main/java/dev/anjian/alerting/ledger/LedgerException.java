package dev.anjian.alerting.ledger;

/** The ledger could not be written or read; the batch in hand is retried, its offsets not committed. */
public final class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }

    public LedgerException(String message) {
        super(message);
    }
}
