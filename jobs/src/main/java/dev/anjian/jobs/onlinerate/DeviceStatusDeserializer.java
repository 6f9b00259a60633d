package dev.anjian.jobs.onlinerate;

import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceStatus;
import dev.anjian.events.EventJson;
import dev.anjian.jobs.Decoded;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** device-status records (value EventJson {@link DeviceStatus}); an undecodable one is rejected with its reason. */
public final class DeviceStatusDeserializer implements KafkaRecordDeserializationSchema<Decoded<DeviceStatus>> {

    static final String SOURCE = "onlinerate";

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Decoded<DeviceStatus>> out) {
        try {
            out.collect(Decoded.of(EventJson.read(record.value(), DeviceStatus.class)));
        } catch (RuntimeException e) {
            out.collect(Decoded.rejected(rejection(record, e.getMessage())));
        }
    }

    static DeadLetter rejection(ConsumerRecord<byte[], byte[]> record, String reason) {
        byte[] raw = record.value() == null ? new byte[0] : record.value();
        long receivedAt = record.timestamp() > 0 ? record.timestamp() : System.currentTimeMillis();
        String origin = record.topic() + "/" + record.partition() + "@" + record.offset();
        return DeadLetter.of(SOURCE, origin, reason, raw, receivedAt);
    }

    @Override
    public TypeInformation<Decoded<DeviceStatus>> getProducedType() {
        return TypeInformation.of(new TypeHint<Decoded<DeviceStatus>>() { });
    }
}
