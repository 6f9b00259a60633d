package dev.anjian.alerting;

import dev.anjian.alerting.influx.InfluxSettings;
import dev.anjian.alerting.ledger.LedgerIndex;
import dev.anjian.alerting.ledger.NotificationHistory;
import dev.anjian.alerting.sms.HttpSmsSettings;
import dev.anjian.alerting.sms.JsonTemplate;
import dev.anjian.alerting.sms.SmppSettings;
import dev.anjian.alerting.sms.SmsProviders;
import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import dev.anjian.events.Topics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the alerting service is configured with, read once by {@link #from(Config)}. Keys and
 * defaults are documented in {@code config/alerting.properties}; each may be overridden by the
 * environment ({@code sms.smpp.password} -> {@code ANJIAN_SMS_SMPP_PASSWORD}, the place for secrets).
 * {@code smpp} / {@code http} are null unless that provider is selected; {@code influx} is null when
 * {@code influx.enabled=false}.
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
        Duration smsRetryBackoffMax,
        int smsBacklogMax,
        SmppSettings smpp,
        HttpSmsSettings http,
        PolicySettings policy,
        ApiSettings api,
        int ledgerMaxEntries,
        int historyMaxAlarms,
        int closedAlarmsKept,
        Duration summaryInterval,
        InfluxSettings influx) {

    public static final String DEFAULT_HTTP_TEMPLATE = "{\"to\":\"${phone}\",\"text\":\"${text}\",\"ref\":\"${ref}\"}";

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
                atLeast("sms.max-attempts", config.integer("sms.max-attempts", 0), 0),
                positive("sms.retry-backoff", config.duration("sms.retry-backoff", Duration.ofMillis(500))),
                positive("sms.retry-backoff-max", config.duration("sms.retry-backoff-max", Duration.ofSeconds(60))),
                atLeast("sms.backlog-max", config.integer("sms.backlog-max", 10_000), 1),
                provider.equals("smpp") ? smpp(config) : null,
                provider.equals("http") ? http(config) : null,
                policy(config),
                api(config),
                atLeast("alerting.ledger-max-entries",
                        config.integer("alerting.ledger-max-entries", LedgerIndex.DEFAULT_MAX_ENTRIES), 1),
                atLeast("alerting.history-max-alarms",
                        config.integer("alerting.history-max-alarms", NotificationHistory.DEFAULT_MAX_ALARMS), 1),
                atLeast("alerting.closed-alarms-kept", config.integer("alerting.closed-alarms-kept", 10_000), 1),
                positive("alerting.summary-interval",
                        config.duration("alerting.summary-interval", Duration.ofSeconds(60))),
                config.bool("influx.enabled", true) ? influx(config) : null);
    }

    private static InfluxSettings influx(Config config) {
        String url = config.string("influx.url", "http://127.0.0.1:8086");
        if (!(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new ConfigException("config key 'influx.url' (env " + Config.envName("influx.url")
                    + ") must be an http(s) URL (or set influx.enabled=false), was '" + url + "'");
        }
        return new InfluxSettings(url, config.string("influx.database", "anjian"), config.string("influx.username", ""),
                config.string("influx.password", ""),
                atLeast("influx.max-retries", config.integer("influx.max-retries", 3), 0),
                positive("influx.retry-backoff", config.duration("influx.retry-backoff", Duration.ofMillis(500))));
    }

    private static SmppSettings smpp(Config config) {
        String systemId = config.string("sms.smpp.system-id", "");
        if (systemId.isBlank()) {
            throw new ConfigException("config key 'sms.smpp.system-id' (env " + Config.envName("sms.smpp.system-id")
                    + ") is required when sms.provider=smpp");
        }
        return new SmppSettings(
                config.string("sms.smpp.host", "127.0.0.1"),
                port("sms.smpp.port", config.integer("sms.smpp.port", 2775), false),
                systemId,
                config.string("sms.smpp.password", ""),
                config.string("sms.smpp.system-type", ""),
                config.string("sms.smpp.source-address", "106900000000"),
                positive("sms.smpp.enquire-link", config.duration("sms.smpp.enquire-link", Duration.ofSeconds(30))),
                positive("sms.smpp.response-timeout", config.duration("sms.smpp.response-timeout", Duration.ofSeconds(5))),
                positive("sms.smpp.rebind-interval", config.duration("sms.smpp.rebind-interval", Duration.ofSeconds(10))),
                atLeast("sms.smpp.max-per-second", config.integer("sms.smpp.max-per-second", 20), 0),
                config.bool("sms.smpp.delivery-receipts", true));
    }

    private static HttpSmsSettings http(Config config) {
        String url = config.string("sms.http.url", "");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new ConfigException("config key 'sms.http.url' (env " + Config.envName("sms.http.url")
                    + ") must be an http(s) URL when sms.provider=http");
        }
        String template = config.string("sms.http.template", DEFAULT_HTTP_TEMPLATE);
        try {
            JsonTemplate.of(template);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config key 'sms.http.template' (env " + Config.envName("sms.http.template") + ") "
                    + e.getMessage());
        }
        return new HttpSmsSettings(uri, template, config.string("sms.http.auth-header", "Authorization"),
                config.string("sms.http.auth-value", ""),
                positive("sms.http.timeout", config.duration("sms.http.timeout", Duration.ofSeconds(5))),
                config.string("sms.http.message-id-field", "messageId"));
    }

    private static PolicySettings policy(Config config) {
        return new PolicySettings(
                notNegative("alerting.storm-window", config.duration("alerting.storm-window", Duration.ofSeconds(60))),
                atLeast("alerting.storm-max-individual", config.integer("alerting.storm-max-individual", 3), 1),
                notNegative("alerting.escalation-tier2-after",
                        config.duration("alerting.escalation-tier2-after", Duration.ofMinutes(10))),
                notNegative("alerting.escalation-tier3-after",
                        config.duration("alerting.escalation-tier3-after", Duration.ofMinutes(20))),
                notNegative("alerting.reminder-interval", config.duration("alerting.reminder-interval", Duration.ZERO)),
                atLeast("alerting.reminder-max", config.integer("alerting.reminder-max", 3), 0));
    }

    private static ApiSettings api(Config config) {
        return new ApiSettings(config.bool("api.enabled", true), config.string("api.host", "127.0.0.1"),
                port("api.port", config.integer("api.port", 8090), true),
                Path.of(config.string("api.tokens-file", "config/api-tokens.yaml")));
    }

    private static int port(String key, int value, boolean zeroAllowed) {
        if (value < (zeroAllowed ? 0 : 1) || value > 65535) {
            throw new ConfigException("config key '" + key + "' (env " + Config.envName(key) + ") must be a TCP port"
                    + (zeroAllowed ? " (0: any free port)" : "") + ", was " + value);
        }
        return value;
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

    private static Duration notNegative(String key, Duration value) {
        if (value.isNegative()) {
            throw new ConfigException("config key '" + key + "' (env " + Config.envName(key)
                    + ") must not be negative (0 switches it off), was " + value);
        }
        return value;
    }
}
