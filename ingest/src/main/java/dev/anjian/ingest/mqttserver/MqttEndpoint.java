package dev.anjian.ingest.mqttserver;

import dev.anjian.ingest.jt808.RegistryFollower;
import dev.anjian.ingest.kafka.EventPublisher;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native MQTT endpoint as one deployable piece: follows the device-registry topic (who may connect, with
 * which credential) and serves devices ({@link MqttEndpointServer}). From {@code IngestGateways}:
 * {@code new MqttEndpoint(settings, publisher).start()}; {@link #close()} stops both (the publisher stays the
 * caller's). Does nothing when mqtt-endpoint.enabled is false.
 */
public final class MqttEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttEndpoint.class);

    private final MqttEndpointSettings settings;
    private final EventPublisher publisher;
    private final DeviceDirectory devices = new DeviceDirectory();
    private final RegistryFollower registry;
    private final AtomicBoolean closed = new AtomicBoolean();
    private MqttEndpointServer server;

    public MqttEndpoint(MqttEndpointSettings settings, EventPublisher publisher) {
        this.settings = settings;
        this.publisher = publisher;
        this.registry = new RegistryFollower(settings.kafkaBootstrap(), settings.topics().deviceRegistry(), devices,
                settings.registryTimeout(), "mqtt-endpoint", "mqtt-endpoint.registry-timeout");
    }

    /** Loads the registry, then listens; returns once listening. */
    public MqttEndpoint start() {
        if (!settings.enabled()) {
            LOG.info("native MQTT endpoint disabled (mqtt-endpoint.enabled=false)");
            return this;
        }
        LOG.info("native MQTT endpoint starting with {}", settings);
        registry.start();
        server = new MqttEndpointServer(settings, publisher, devices).start();
        return this;
    }

    /** The running server; null unless started and enabled. */
    public MqttEndpointServer server() {
        return server;
    }

    public DeviceDirectory devices() {
        return devices;
    }

    /** Stops serving (MQTT 5 devices are told: DISCONNECT 0x8B) and following the registry; idempotent. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        if (server != null) {
            server.close();
        }
        if (settings.enabled()) {
            registry.close();
        }
    }
}
