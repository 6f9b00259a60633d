package dev.anjian.jobs.kafka;

import dev.anjian.events.AlarmCommand;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceStatus;
import dev.anjian.jobs.Decoded;
import dev.anjian.jobs.RegistryUpdate;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The job's Kafka sources and sinks, built from plain values (bootstrap servers, topic, group). */
public final class KafkaConnectors {

    private KafkaConnectors() {
    }

    /** device-events from the group's committed offsets (the earliest on first start). */
    @SuppressWarnings("deprecation") // OffsetResetStrategy: kafka-clients 4 deprecates it, connector 5.0 still takes it
    public static KafkaSource<Decoded<DeviceEvent>> deviceEvents(String bootstrap, String topic, String groupId) {
        return KafkaSource.<Decoded<DeviceEvent>>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId(groupId)
                .setClientIdPrefix(groupId + "-events")
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new DeviceEventDeserializer())
                .build();
    }

    /**
     * The whole compacted device-registry from the earliest offset on every fresh start (the registry is
     * state that must be complete); after a restore the checkpointed offsets and state continue it.
     */
    public static KafkaSource<Decoded<RegistryUpdate>> deviceRegistry(String bootstrap, String topic, String groupId) {
        return KafkaSource.<Decoded<RegistryUpdate>>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId(groupId + "-registry")
                .setClientIdPrefix(groupId + "-registry")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new RegistryDeserializer())
                .build();
    }

    /** alarm-commands from the group's committed offsets (the earliest on first start). */
    @SuppressWarnings("deprecation") // OffsetResetStrategy, as above
    public static KafkaSource<Decoded<AlarmCommand>> alarmCommands(String bootstrap, String topic, String groupId) {
        return KafkaSource.<Decoded<AlarmCommand>>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId(groupId + "-commands")
                .setClientIdPrefix(groupId + "-commands")
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new EventJsonDeserializer<>(AlarmCommand.class,
                        new TypeHint<Decoded<AlarmCommand>>() { }.getTypeInfo()))
                .build();
    }

    /**
     * dead-letter from the group's committed offsets (the earliest on first start), for the pipeline-health
     * view of rejected input; a letter that cannot be read is itself counted as one.
     */
    @SuppressWarnings("deprecation") // OffsetResetStrategy, as above
    public static KafkaSource<Decoded<DeadLetter>> deadLetterInput(String bootstrap, String topic, String groupId) {
        return KafkaSource.<Decoded<DeadLetter>>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId(groupId + "-dead-letters")
                .setClientIdPrefix(groupId + "-dead-letters")
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new EventJsonDeserializer<>(DeadLetter.class,
                        new TypeHint<Decoded<DeadLetter>>() { }.getTypeInfo()))
                .build();
    }

    /** device-status keyed by device id; at-least-once (a transition carries its own {@code since}). */
    public static KafkaSink<DeviceStatus> deviceStatus(String bootstrap, String topic) {
        return atLeastOnce(bootstrap, new JsonRecordSerializer<>(topic, DeviceStatus::deviceId));
    }

    /** alarms keyed by alarm id; at-least-once (consumers de-duplicate by id and state). */
    public static KafkaSink<AlarmEvent> alarms(String bootstrap, String topic) {
        return atLeastOnce(bootstrap, new JsonRecordSerializer<>(topic, AlarmEvent::alarmId));
    }

    /** dead-letter keyed by source ({@code jobs}, {@code onlinerate}). */
    public static KafkaSink<DeadLetter> deadLetters(String bootstrap, String topic) {
        return atLeastOnce(bootstrap, new JsonRecordSerializer<>(topic, DeadLetter::source));
    }

    /** A sink of EventJson records: acks from all replicas, idempotent, at-least-once across restarts. */
    public static <T> KafkaSink<T> atLeastOnce(String bootstrap, JsonRecordSerializer<T> serializer) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setProperty(ProducerConfig.ACKS_CONFIG, "all")
                .setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
                .build();
    }
}
