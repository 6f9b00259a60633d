package dev.anjian.jobs.kafka;

import dev.anjian.events.EventJson;
import dev.anjian.jobs.Decoded;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A topic's EventJson values to {@link Decoded}: an undecodable record is a rejection with the serde's
 * reason, e.g. {@code AlarmCommand: missing required field 'operator'}, never an exception in the source.
 * Example: {@code new EventJsonDeserializer<>(AlarmCommand.class, new TypeHint<Decoded<AlarmCommand>>() { }.getTypeInfo())}.
 */
public final class EventJsonDeserializer<T> implements KafkaRecordDeserializationSchema<Decoded<T>> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final TypeInformation<Decoded<T>> producedType;

    public EventJsonDeserializer(Class<T> type, TypeInformation<Decoded<T>> producedType) {
        this.type = type;
        this.producedType = producedType;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Decoded<T>> out) {
        try {
            out.collect(Decoded.of(EventJson.read(record.value(), type)));
        } catch (RuntimeException e) { // EventFormatException, or anything else a hostile payload provokes
            out.collect(Decoded.rejected(Rejections.of(record, e.getMessage())));
        }
    }

    @Override
    public TypeInformation<Decoded<T>> getProducedType() {
        return producedType;
    }
}
