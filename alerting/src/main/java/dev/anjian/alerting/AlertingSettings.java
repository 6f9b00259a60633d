package dev.anjian.alerting;

import dev.anjian.alerting.ledger.LedgerIndex;
import dev.anjian.alerting.sms.SmsProviders;
import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import dev.anjian.events.Topics;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the alerting service is configured with, read once by {@link #from(Config)}. Keys and
 * defaults are documented in {@code config/alerting.properties}; each may be overridden by the
 * environment ({@code sms.log-file} -> {@code ANJIAN_SMS_LOG_FILE}).
 */
public record AlertingSettings(
        String kafkaBootstrap,
        Topics topics,
        String groupId,
        Path routingFile,
        String smsProvider,
        Path smsLogFile,
        int smsMaxAttempts,
        Duration smsRetryBackoff,
        int ledgerMaxEntries,
        Duration summaryInterval) {

    public static AlertingSettings from(Config config) {
        String provider = config.string("sms.provider", "log");
        if (!SmsProviders.NAMES.contains(provider)) {
            throw new ConfigException("config key 'sms.provider' (env " + Config.envName("sms.provider")
                    + ") must be one of " + SmsProviders.NAMES + ", was '" + provider + "'");
        }
        return new AlertingSettings(
                config.string("kafka.bootstrap", "127.0.0.1:9092"),
                new Topics(config.string("topic.prefix", Topics.DEFAULT_PREFIX)),
                config.string("alerting.group-id", "anjian-alerting"),
                Path.of(config.string("alerting.routing-file", "config/routing.yaml")),
                provider,
                Path.of(config.string("sms.log-file", "var/sms.log")),
                atLeast("sms.max-attempts", config.integer("sms.max-attempts", 3), 1),
                positive("sms.retry-backoff", config.duration("sms.retry-backoff", Duration.ofMillis(500))),
                atLeast("alerting.ledger-max-entries",
                        config.integer("alerting.ledger-max-entries", LedgerIndex.DEFAULT_MAX_ENTRIES), 1),
                positive("alerting.summary-interval",
                        config.duration("alerting.summary-interval", Duration.ofSeconds(60))));
    }

    private static int atLeast(String key, int value, int minimum) {
        if (value < minimum) {
            throw new ConfigException("config key '" + key + "' (env " + Config.envName(key) + ") must be at least "
                    + minimum + ", was " + value);
        }
        return value;
    }

    private static Duration positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new ConfigException("config key '" + key + "' (env " + Config.envName(key)
                    + ") must be a positive duration, was " + value);
        }
        return value;
    }
}
