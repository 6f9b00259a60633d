package dev.anjian.ingest;

import dev.anjian.common.Config;
import dev.anjian.ingest.jt808.Jt808Gateway;
import dev.anjian.ingest.jt808.Jt808Settings;
import dev.anjian.ingest.kafka.EventPublisher;
import dev.anjian.ingest.mqtt.MqttBridge;
import dev.anjian.ingest.mqttserver.MqttEndpoint;
import dev.anjian.ingest.mqttserver.MqttEndpointSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code anjian ingest} runs: the MQTT bridge, the JT/T 808 gateway (unless jt808.enabled=false)
 * and the native MQTT endpoint (if mqtt-endpoint.enabled=true), sharing one Kafka producer. Stops the gateways
 * first and the producer last, so everything they accepted is flushed to Kafka before the process ends.
 */
public final class IngestGateways implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestGateways.class);

    private final EventPublisher publisher;
    private final MqttBridge bridge;
    private final Jt808Gateway gateway;
    private final MqttEndpoint endpoint;

    private IngestGateways(EventPublisher publisher, MqttBridge bridge, Jt808Gateway gateway, MqttEndpoint endpoint) {
        this.publisher = publisher;
        this.bridge = bridge;
        this.gateway = gateway;
        this.endpoint = endpoint;
    }

    /** Starts the gateways from one config; on a failure, what had started is stopped again. */
    public static IngestGateways start(Config config) {
        IngestSettings settings = IngestSettings.from(config);
        Jt808Settings jt808 = Jt808Settings.from(config);
        MqttEndpointSettings endpoint = MqttEndpointSettings.from(config);
        LOG.info("ingest starting with {}", settings);
        EventPublisher publisher = new EventPublisher(settings.kafkaBootstrap(), settings.kafkaClientId(), settings.topics());
        IngestGateways gateways = new IngestGateways(publisher, new MqttBridge(settings, publisher),
                new Jt808Gateway(jt808, publisher), new MqttEndpoint(endpoint, publisher));
        try {
            gateways.bridge.start();
            gateways.gateway.start();
            gateways.endpoint.start();
            return gateways;
        } catch (RuntimeException e) {
            gateways.close();
            throw e;
        }
    }

    public MqttBridge bridge() {
        return bridge;
    }

    public Jt808Gateway jt808() {
        return gateway;
    }

    public MqttEndpoint mqttEndpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        endpoint.close();
        gateway.close();
        bridge.close();
        publisher.close();
    }
}
