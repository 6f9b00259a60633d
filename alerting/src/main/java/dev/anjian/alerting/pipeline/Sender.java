package dev.anjian.alerting.pipeline;

import dev.anjian.alerting.sms.SendOutcome;
import dev.anjian.alerting.sms.SmsMessage;
import dev.anjian.alerting.sms.SmsProvider;
import dev.anjian.events.Notification;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one SMS through the provider: OK is SENT; RETRYABLE is tried again after an exponential
 * backoff (initial, x2, capped) up to {@code maxAttempts}, then FAILED; FATAL is FAILED at once. A
 * provider that throws is treated as RETRYABLE. Always returns a {@link Delivery}: nothing is dropped.
 */
public final class Sender {

    /** How the sender waits between attempts; production sleeps, tests record the pauses. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final SmsProvider provider;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Pause pause;

    public Sender(SmsProvider provider, int maxAttempts, Duration initialBackoff, Pause pause) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        this.provider = provider;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.pause = pause;
    }

    public Delivery deliver(SmsMessage message) {
        Duration backoff = initialBackoff;
        String lastReason = "";
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            SendOutcome outcome = attempt(message);
            switch (outcome.kind()) {
                case OK:
                    return new Delivery(Notification.Result.SENT, attempt, outcome.providerMessageId(), null);
                case FATAL:
                    return new Delivery(Notification.Result.FAILED, attempt, null, "fatal: " + outcome.reason());
                default:
                    lastReason = outcome.reason();
            }
            if (attempt < maxAttempts) {
                LOG.warn("SMS to {} failed (attempt {}/{}), retrying in {} ms: {}",
                        message.recipientId(), attempt, maxAttempts, backoff.toMillis(), lastReason);
                if (!waitFor(backoff)) {
                    return new Delivery(Notification.Result.FAILED, attempt, null, "interrupted while retrying: " + lastReason);
                }
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
            }
        }
        return new Delivery(Notification.Result.FAILED, maxAttempts, null,
                "gave up after " + maxAttempts + " attempts: " + lastReason);
    }

    private SendOutcome attempt(SmsMessage message) {
        try {
            return provider.send(message);
        } catch (RuntimeException e) {
            LOG.warn("SMS provider {} threw instead of returning an outcome", provider.name(), e);
            return SendOutcome.retryable("provider threw " + e);
        }
    }

    private boolean waitFor(Duration backoff) {
        try {
            pause.pause(backoff);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
