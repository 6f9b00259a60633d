package dev.anjian.jobs.kafka;

import dev.anjian.events.AlarmCommand;
import dev.anjian.events.EventJson;
import dev.anjian.jobs.Decoded;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * alarm-commands values (EventJson {@link AlarmCommand}) to {@link Decoded}: an undecodable command is a
 * rejection with the serde's reason, e.g. {@code AlarmCommand: missing required field 'operator'}.
 */
public final class AlarmCommandDeserializer implements KafkaRecordDeserializationSchema<Decoded<AlarmCommand>> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Decoded<AlarmCommand>> out) {
        try {
            out.collect(Decoded.of(EventJson.read(record.value(), AlarmCommand.class)));
        } catch (RuntimeException e) { // EventFormatException, or anything else a hostile payload provokes
            out.collect(Decoded.rejected(Rejections.of(record, e.getMessage())));
        }
    }

    @Override
    public TypeInformation<Decoded<AlarmCommand>> getProducedType() {
        return TypeInformation.of(new TypeHint<Decoded<AlarmCommand>>() { });
    }
}
