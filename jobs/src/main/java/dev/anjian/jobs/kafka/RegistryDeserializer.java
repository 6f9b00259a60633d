package dev.anjian.jobs.kafka;

import dev.anjian.events.Device;
import dev.anjian.events.EventJson;
import dev.anjian.jobs.Decoded;
import dev.anjian.jobs.RegistryUpdate;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * device-registry records (key device id, value EventJson {@link Device}, or null for a removed device)
 * to {@link RegistryUpdate}s. A record without a key, with an undecodable value, or whose key is not the
 * device's id is rejected: applying it could register or remove the wrong device.
 */
public final class RegistryDeserializer implements KafkaRecordDeserializationSchema<Decoded<RegistryUpdate>> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Decoded<RegistryUpdate>> out) {
        out.collect(decode(record));
    }

    private static Decoded<RegistryUpdate> decode(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null || record.key().length == 0) {
            return Decoded.rejected(Rejections.of(record, "registry record without a key (the device id)"));
        }
        String deviceId = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            return Decoded.of(RegistryUpdate.removed(deviceId));
        }
        Device device;
        try {
            device = EventJson.read(record.value(), Device.class);
        } catch (RuntimeException e) {
            return Decoded.rejected(Rejections.of(record, e.getMessage()));
        }
        if (!device.deviceId().equals(deviceId)) {
            return Decoded.rejected(Rejections.of(record,
                    "registry key '" + deviceId + "' does not match deviceId '" + device.deviceId() + "'"));
        }
        return Decoded.of(RegistryUpdate.registered(device));
    }

    @Override
    public TypeInformation<Decoded<RegistryUpdate>> getProducedType() {
        return TypeInformation.of(new TypeHint<Decoded<RegistryUpdate>>() { });
    }
}
