package dev.anjian.ingest;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import dev.anjian.events.Topics;
import dev.anjian.ingest.mqtt.TelemetryPayloadParser;
import dev.anjian.ingest.mqtt.TelemetryTopic;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the ingest deployable, read once from {@link Config} by {@link #from}. Keys, defaults and
 * meaning are documented in {@code config/ingest.properties} at the repository root.
 */
public record IngestSettings(
        String kafkaBootstrap,
        Topics topics,
        String kafkaClientId,
        String mqttUrl,
        String mqttClientId,
        String mqttUsername,
        String mqttPassword,
        String mqttShareGroup,
        Duration mqttSessionExpiry,
        int mqttMaxInFlight,
        int mqttMaxPayloadBytes,
        Duration mqttCloseTimeout) {

    /** mqtt.client-id when not set: one instance's id, also the native endpoint's gateway id. */
    public static final String DEFAULT_CLIENT_ID = "anjian-ingest-1";
    /** MQTT's Receive Maximum is a two-byte integer. */
    public static final int MAX_RECEIVE_MAXIMUM = 65_535;
    /** MQTT's Session Expiry Interval is a four-byte count of seconds. */
    public static final long MAX_SESSION_EXPIRY_SECONDS = 0xFFFF_FFFEL;

    public IngestSettings {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(mqttSessionExpiry, "mqttSessionExpiry");
        Objects.requireNonNull(mqttCloseTimeout, "mqttCloseTimeout");
        require(kafkaBootstrap, "kafka.bootstrap");
        require(kafkaClientId, "kafka.client-id");
        require(mqttUrl, "mqtt.url");
        require(mqttClientId, "mqtt.client-id");
        require(mqttShareGroup, "mqtt.share-group");
        mqttUsername = mqttUsername == null ? "" : mqttUsername;
        mqttPassword = mqttPassword == null ? "" : mqttPassword;
        if (mqttShareGroup.contains("/") || mqttShareGroup.contains("+") || mqttShareGroup.contains("#")) {
            throw new ConfigException("mqtt.share-group must not contain '/', '+' or '#', was '" + mqttShareGroup + "'");
        }
        long expirySeconds = mqttSessionExpiry.toSeconds();
        if (expirySeconds < 1 || expirySeconds > MAX_SESSION_EXPIRY_SECONDS) {
            // 0 would end the session at every disconnect, and with it the unacknowledged messages.
            throw new ConfigException("mqtt.session-expiry must be between 1s and " + MAX_SESSION_EXPIRY_SECONDS
                    + "s, was " + mqttSessionExpiry);
        }
        if (mqttMaxInFlight < 1 || mqttMaxInFlight > MAX_RECEIVE_MAXIMUM) {
            throw new ConfigException("mqtt.max-in-flight must be between 1 and " + MAX_RECEIVE_MAXIMUM
                    + ", was " + mqttMaxInFlight);
        }
        if (mqttMaxPayloadBytes < 1) {
            throw new ConfigException("mqtt.max-payload-bytes must be positive, was " + mqttMaxPayloadBytes);
        }
        if (mqttCloseTimeout.isNegative()) {
            throw new ConfigException("mqtt.close-timeout must not be negative, was " + mqttCloseTimeout);
        }
    }

    public static IngestSettings from(Config config) {
        return new IngestSettings(
                config.string("kafka.bootstrap", "127.0.0.1:9092"),
                new Topics(config.string("topic.prefix", Topics.DEFAULT_PREFIX)),
                config.string("kafka.client-id", "anjian-ingest"),
                config.string("mqtt.url", "tcp://127.0.0.1:1883"),
                config.string("mqtt.client-id", DEFAULT_CLIENT_ID),
                config.string("mqtt.username", ""),
                config.string("mqtt.password", ""),
                config.string("mqtt.share-group", "anjian-ingest"),
                config.duration("mqtt.session-expiry", Duration.ofDays(1)),
                config.integer("mqtt.max-in-flight", 1000),
                config.integer("mqtt.max-payload-bytes", TelemetryPayloadParser.DEFAULT_MAX_PAYLOAD_BYTES),
                config.duration("mqtt.close-timeout", Duration.ofSeconds(10)));
    }

    /** The shared subscription, e.g. {@code $share/anjian-ingest/anjian/telemetry/+/+}. */
    public String mqttSubscription() {
        return "$share/" + mqttShareGroup + "/" + TelemetryTopic.FILTER;
    }

    /** Without the password, so that settings can be logged. */
    @Override
    public String toString() {
        return "IngestSettings[kafka.bootstrap=" + kafkaBootstrap + ", topic.prefix=" + topics.prefix()
                + ", kafka.client-id=" + kafkaClientId + ", mqtt.url=" + mqttUrl + ", mqtt.client-id=" + mqttClientId
                + ", mqtt.username=" + (mqttUsername.isEmpty() ? "(anonymous)" : mqttUsername)
                + ", mqtt.password=" + (mqttPassword.isEmpty() ? "(none)" : "****")
                + ", mqtt.share-group=" + mqttShareGroup + ", mqtt.session-expiry=" + mqttSessionExpiry
                + ", mqtt.max-in-flight=" + mqttMaxInFlight + ", mqtt.max-payload-bytes=" + mqttMaxPayloadBytes
                + ", mqtt.close-timeout=" + mqttCloseTimeout + "]";
    }

    private static void require(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new ConfigException("config key '" + key + "' must not be empty");
        }
    }
}
