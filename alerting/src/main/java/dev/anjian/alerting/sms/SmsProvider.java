package dev.anjian.alerting.sms;

import java.util.function.Consumer;

/**
 * Sends one SMS and classifies the result. Implementations never throw for a failed send: they return
 * {@link SendOutcome#retryable} or {@link SendOutcome#fatal} with a reason that holds no secret and no
 * phone number; retrying is the outbox's job, not the provider's. Every provider passes
 * {@code SmsProviderContract}.
 */
public interface SmsProvider extends AutoCloseable {

    /** Short name recorded in the notifications ledger, e.g. {@code log}, {@code smpp}. */
    String name();

    SendOutcome send(SmsMessage message);

    /** Where delivery receipts go, for providers that get them (SMPP); called from the provider's own thread. */
    default void onReceipt(Consumer<DeliveryReceipt> listener) {
    }

    @Override
    void close();
}
