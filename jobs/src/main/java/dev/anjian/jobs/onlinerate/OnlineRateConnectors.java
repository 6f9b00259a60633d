package dev.anjian.jobs.onlinerate;

import dev.anjian.events.DeviceStatus;
import dev.anjian.events.OnlineRate;
import dev.anjian.jobs.Decoded;
import dev.anjian.jobs.kafka.JsonRecordSerializer;
import dev.anjian.jobs.kafka.KafkaConnectors;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** The online-rate job's Kafka sources and sinks, from plain values (bootstrap servers, topic, group). */
public final class OnlineRateConnectors {

    private OnlineRateConnectors() {
    }

    /**
     * device-status from the group's committed offsets, the earliest on first start: the whole history
     * rebuilds every device's current status (a device online for days has no recent transition).
     */
    @SuppressWarnings("deprecation") // OffsetResetStrategy: kafka-clients 4 deprecates it, connector 5.0 still takes it
    public static KafkaSource<Decoded<DeviceStatus>> deviceStatus(String bootstrap, String topic, String groupId) {
        return KafkaSource.<Decoded<DeviceStatus>>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId(groupId)
                .setClientIdPrefix(groupId + "-status")
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new DeviceStatusDeserializer())
                .build();
    }

    /** The whole compacted device-registry from the earliest offset on a fresh start; state continues it after a restore. */
    public static KafkaSource<Decoded<RegistryChange>> deviceRegistry(String bootstrap, String topic, String groupId) {
        return KafkaSource.<Decoded<RegistryChange>>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId(groupId + "-registry")
                .setClientIdPrefix(groupId + "-registry")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new RegistryChangeDeserializer())
                .build();
    }

    /** online-rates keyed by {@code scopeType:scope}; at-least-once (a later record for the same window supersedes). */
    public static KafkaSink<OnlineRate> onlineRates(String bootstrap, String topic) {
        return KafkaConnectors.atLeastOnce(bootstrap, new JsonRecordSerializer<>(topic, OnlineRate::key));
    }
}
