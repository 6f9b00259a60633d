package dev.anjian.jobs.onlinerate;

import dev.anjian.jobs.Decoded;
import dev.anjian.jobs.RegistryUpdate;
import dev.anjian.jobs.kafka.RegistryDeserializer;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * device-registry records decoded (and rejected) exactly as the monitoring job does
 * ({@link RegistryDeserializer}), plus the record's Kafka timestamp: when the device was registered or removed.
 */
public final class RegistryChangeDeserializer implements KafkaRecordDeserializationSchema<Decoded<RegistryChange>> {

    private static final long serialVersionUID = 1L;

    private final RegistryDeserializer registry = new RegistryDeserializer();

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Decoded<RegistryChange>> out)
            throws java.io.IOException {
        // A record without a timestamp (not produced by our clients) counts from when it is read.
        long at = record.timestamp() > 0 ? record.timestamp() : System.currentTimeMillis();
        registry.deserialize(record, new Collector<>() {
            @Override
            public void collect(Decoded<RegistryUpdate> decoded) {
                out.collect(decoded.isRejected() ? Decoded.rejected(decoded.rejected()) : Decoded.of(change(decoded.value(), at)));
            }

            @Override
            public void close() {
            }
        });
    }

    static RegistryChange change(RegistryUpdate update, long atMillis) {
        return new RegistryChange(update.deviceId(), update.isRemoval() ? null : Dims.of(update.device()), atMillis);
    }

    @Override
    public TypeInformation<Decoded<RegistryChange>> getProducedType() {
        return TypeInformation.of(new TypeHint<Decoded<RegistryChange>>() { });
    }
}
