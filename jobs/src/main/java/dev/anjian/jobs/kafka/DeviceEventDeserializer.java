package dev.anjian.jobs.kafka;

import dev.anjian.events.DeviceEvent;
import dev.anjian.events.EventJson;
import dev.anjian.jobs.Decoded;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * device-events values (EventJson {@link DeviceEvent}) to {@link Decoded}: a record that does not decode
 * becomes a rejection carrying the serde's reason, e.g. {@code DeviceEvent: missing required field
 * 'reading.value'}, and never an exception that would fail (and endlessly restart) the job.
 */
public final class DeviceEventDeserializer implements KafkaRecordDeserializationSchema<Decoded<DeviceEvent>> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Decoded<DeviceEvent>> out) {
        try {
            out.collect(Decoded.of(EventJson.read(record.value(), DeviceEvent.class)));
        } catch (RuntimeException e) { // EventFormatException, or anything else a hostile payload provokes
            out.collect(Decoded.rejected(Rejections.of(record, e.getMessage())));
        }
    }

    @Override
    public TypeInformation<Decoded<DeviceEvent>> getProducedType() {
        return TypeInformation.of(new TypeHint<Decoded<DeviceEvent>>() { });
    }
}
