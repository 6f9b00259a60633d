package dev.anjian.registry;

/** Kafka refused or failed the import; the transaction was aborted, so nothing of it is visible. */
public final class RegistryImportException extends Exception {

    private static final long serialVersionUID = 1L;

    public RegistryImportException(String message, Throwable cause) {
        super(message, cause);
    }

    public RegistryImportException(String message) {
        super(message);
    }
}
