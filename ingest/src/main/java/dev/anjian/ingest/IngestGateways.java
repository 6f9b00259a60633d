package dev.anjian.ingest;

import dev.anjian.common.Config;
import dev.anjian.ingest.jt808.Jt808Gateway;
import dev.anjian.ingest.jt808.Jt808Settings;
import dev.anjian.ingest.kafka.EventPublisher;
import dev.anjian.ingest.mqtt.MqttBridge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code anjian ingest} runs: the MQTT bridge and the JT/T 808 gateway (unless
 * jt808.enabled=false), sharing one Kafka producer. Stops the gateways first and the producer last, so
 * everything they accepted is flushed to Kafka before the process ends.
 */
public final class IngestGateways implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestGateways.class);

    private final EventPublisher publisher;
    private final MqttBridge bridge;
    private final Jt808Gateway gateway;

    private IngestGateways(EventPublisher publisher, MqttBridge bridge, Jt808Gateway gateway) {
        this.publisher = publisher;
        this.bridge = bridge;
        this.gateway = gateway;
    }

    /** Starts both gateways from one config; on a failure, what had started is stopped again. */
    public static IngestGateways start(Config config) {
        IngestSettings settings = IngestSettings.from(config);
        Jt808Settings jt808 = Jt808Settings.from(config);
        LOG.info("ingest starting with {}", settings);
        EventPublisher publisher = new EventPublisher(settings.kafkaBootstrap(), settings.kafkaClientId(), settings.topics());
        IngestGateways gateways = new IngestGateways(publisher, new MqttBridge(settings, publisher),
                new Jt808Gateway(jt808, publisher));
        try {
            gateways.bridge.start();
            gateways.gateway.start();
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

    @Override
    public void close() {
        gateway.close();
        bridge.close();
        publisher.close();
    }
}
