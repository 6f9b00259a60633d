package dev.anjian.ingest.mqttserver;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import dev.anjian.events.Topics;
import dev.anjian.ingest.IngestSettings;
import dev.anjian.ingest.mqtt.TelemetryPayloadParser;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the native MQTT endpoint, read once by {@link #from} from the ingest config (keys
 * {@code mqtt-endpoint.*}, plus the shared {@code mqtt.max-payload-bytes}, {@code kafka.bootstrap} and
 * {@code topic.prefix}, and {@code mqtt.client-id} as {@link #gatewayId}); documented with their defaults in
 * {@code config/ingest.properties}.
 *
 * @param gatewayId who reports the devices' CONNECTIVITY events: the ingest instance's stable, unique id
 *     ({@code mqtt.client-id}, e.g. anjian-ingest-1 or the pod name), so that a device's status can say which
 *     instance lost its connection
 */
public record MqttEndpointSettings(
        boolean enabled,
        String bind,
        int port,
        int maxConnections,
        int maxInFlight,
        Duration keepAliveMax,
        Duration connectTimeout,
        int maxPayloadBytes,
        Duration registryTimeout,
        String kafkaBootstrap,
        Topics topics,
        String gatewayId) {

    /** Room for a PUBLISH's topic, packet id and MQTT 5 properties on top of the payload limit. */
    public static final int HEADER_ROOM_BYTES = 1024;
    /** MQTT's Receive Maximum is a two-byte integer; keep-alive a two-byte count of seconds. */
    static final int MAX_TWO_BYTES = 65_535;

    public MqttEndpointSettings {
        Objects.requireNonNull(topics, "topics");
        if (bind == null || bind.isBlank()) {
            throw new ConfigException("config key 'mqtt-endpoint.bind' must not be empty");
        }
        if (kafkaBootstrap == null || kafkaBootstrap.isBlank()) {
            throw new ConfigException("config key 'kafka.bootstrap' must not be empty");
        }
        if (gatewayId == null || gatewayId.isBlank()) {
            throw new ConfigException("config key 'mqtt.client-id' must not be empty (the endpoint's gateway id)");
        }
        if (port < 0 || port > MAX_TWO_BYTES) {
            throw new ConfigException("mqtt-endpoint.port must be 0..65535 (0 = any free port), was " + port);
        }
        if (maxInFlight > MAX_TWO_BYTES) {
            throw new ConfigException("mqtt-endpoint.max-in-flight must be at most 65535, was " + maxInFlight);
        }
        if (keepAliveMax.toSeconds() < 1 || keepAliveMax.toSeconds() > MAX_TWO_BYTES) {
            throw new ConfigException("mqtt-endpoint.keep-alive-max must be between 1s and 65535s, was " + keepAliveMax);
        }
    }

    public static MqttEndpointSettings from(Config config) {
        return new MqttEndpointSettings(
                config.bool("mqtt-endpoint.enabled", false),
                config.string("mqtt-endpoint.bind", "127.0.0.1"),
                config.integer("mqtt-endpoint.port", 1884),
                config.integer("mqtt-endpoint.max-connections", 10_000, 1),
                config.integer("mqtt-endpoint.max-in-flight", 100, 1),
                config.positiveDuration("mqtt-endpoint.keep-alive-max", Duration.ofMinutes(5)),
                config.positiveDuration("mqtt-endpoint.connect-timeout", Duration.ofSeconds(10)),
                config.integer("mqtt.max-payload-bytes", TelemetryPayloadParser.DEFAULT_MAX_PAYLOAD_BYTES, 1),
                config.positiveDuration("mqtt-endpoint.registry-timeout", Duration.ofSeconds(30)),
                config.string("kafka.bootstrap", "127.0.0.1:9092"),
                new Topics(config.string("topic.prefix", Topics.DEFAULT_PREFIX)),
                config.string("mqtt.client-id", IngestSettings.DEFAULT_CLIENT_ID));
    }

    /** The largest remaining length (variable header and payload) of a packet the decoder accepts. */
    public int maxPacketRemainingBytes() {
        return maxPayloadBytes + HEADER_ROOM_BYTES;
    }

    /** A copy listening on another port (tests use 0: any free port). */
    public MqttEndpointSettings withPort(int newPort) {
        return new MqttEndpointSettings(enabled, bind, newPort, maxConnections, maxInFlight, keepAliveMax,
                connectTimeout, maxPayloadBytes, registryTimeout, kafkaBootstrap, topics, gatewayId);
    }

    @Override
    public String toString() {
        return "MqttEndpointSettings[enabled=" + enabled + ", bind=" + bind + ", port=" + port + ", max-connections="
                + maxConnections + ", max-in-flight=" + maxInFlight + ", keep-alive-max=" + keepAliveMax
                + ", connect-timeout=" + connectTimeout + ", mqtt.max-payload-bytes=" + maxPayloadBytes
                + ", registry-timeout=" + registryTimeout + ", kafka.bootstrap=" + kafkaBootstrap
                + ", topic.prefix=" + topics.prefix() + ", gateway-id (mqtt.client-id)=" + gatewayId + "]";
    }
}
