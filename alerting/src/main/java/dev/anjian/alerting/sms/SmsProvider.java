package dev.anjian.alerting.sms;

/**
 * Sends one SMS and classifies the result. Implementations never throw for a failed send: they return
 * {@link SendOutcome#retryable} or {@link SendOutcome#fatal} with a reason; retrying is the
 * {@code Sender} stage's job, not the provider's. Every provider passes {@code SmsProviderContract}.
 */
public interface SmsProvider extends AutoCloseable {

    /** Short name recorded in the notifications ledger, e.g. {@code log}, {@code smpp}. */
    String name();

    SendOutcome send(SmsMessage message);

    @Override
    void close();
}
