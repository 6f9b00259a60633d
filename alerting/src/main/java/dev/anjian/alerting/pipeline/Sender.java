package dev.anjian.alerting.pipeline;

import dev.anjian.alerting.sms.SendOutcome;
import dev.anjian.alerting.sms.SmsMessage;
import dev.anjian.alerting.sms.SmsProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at one SMS through the provider. A provider that throws instead of returning an outcome
 * is treated as RETRYABLE (and logged: that is a provider bug). Retrying is the {@link Outbox}'s job.
 */
public final class Sender {

    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);

    private final SmsProvider provider;

    public Sender(SmsProvider provider) {
        this.provider = provider;
    }

    public SendOutcome attempt(SmsMessage message) {
        try {
            return provider.send(message);
        } catch (RuntimeException e) {
            LOG.warn("SMS provider {} threw {} instead of returning an outcome", provider.name(), e.getClass().getName());
            return SendOutcome.retryable("provider threw " + e.getClass().getName());
        }
    }

    public String providerName() {
        return provider.name();
    }
}
