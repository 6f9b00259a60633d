package dev.anjian.jobs.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.events.DeadLetter;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.EventJson;
import dev.anjian.jobs.Decoded;
import dev.anjian.jobs.RegistryUpdate;
import dev.anjian.jobs.TestDevices;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** Kafka records to decoded values or to rejections with a reason; never an exception. */
class DeserializersTest {

    private static final long RECEIVED = TestDevices.at(0);

    @Test
    void decodesADeviceEvent() {
        DeviceEvent event = TestDevices.reading("GAS-1", "CH4", 0.42, 0);
        assertThat(events(record("anjian.device-events", "GAS-1", EventJson.write(event))))
                .containsExactly(Decoded.of(event));
    }

    @Test
    void rejectsMalformedDeviceEventsWithTheSerdesReasonAndTheRawBytes() {
        byte[] missingValue = "{\"type\":\"SENSOR_READING\",\"deviceId\":\"GAS-1\",\"eventTime\":1764374400000,\"receivedAt\":1764374400000,\"reading\":{\"metric\":\"CH4\"}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] binary = {(byte) 0x7e, 0x02, 0x00, (byte) 0xff};

        DeadLetter noValue = events(record("anjian.device-events", "GAS-1", missingValue)).get(0).rejected();
        DeadLetter notJson = events(record("anjian.device-events", "GAS-1", binary)).get(0).rejected();
        DeadLetter empty = events(record("anjian.device-events", "GAS-1", null)).get(0).rejected();

        assertThat(noValue.reason()).isEqualTo("DeviceEvent: missing required field 'reading.value'");
        assertThat(noValue.raw()).isEqualTo(missingValue);
        assertThat(noValue.origin()).isEqualTo("anjian.device-events/1@42");
        assertThat(noValue.receivedAt()).isEqualTo(RECEIVED);
        assertThat(noValue.source()).isEqualTo("jobs");
        assertThat(notJson.reason()).startsWith("DeviceEvent: not valid JSON");
        assertThat(notJson.raw()).isEqualTo(binary);
        assertThat(empty.reason()).isEqualTo("DeviceEvent: empty payload");
    }

    @Test
    void decodesRegistrationsAndTombstones() {
        Device device = TestDevices.gasSensor("GAS-1", TestDevices.methane(0, 0));
        assertThat(registry(record("anjian.device-registry", "GAS-1", EventJson.write(device))))
                .containsExactly(Decoded.of(RegistryUpdate.registered(device)));
        assertThat(registry(record("anjian.device-registry", "GAS-1", null)))
                .containsExactly(Decoded.of(RegistryUpdate.removed("GAS-1")));
    }

    @Test
    void rejectsRegistryRecordsThatCouldTouchTheWrongDevice() {
        byte[] device = EventJson.write(TestDevices.gasSensor("GAS-1", TestDevices.methane(0, 0)));

        assertThat(registry(record("anjian.device-registry", "GAS-2", device)).get(0).rejected().reason())
                .isEqualTo("registry key 'GAS-2' does not match deviceId 'GAS-1'");
        assertThat(registry(record("anjian.device-registry", null, device)).get(0).rejected().reason())
                .isEqualTo("registry record without a key (the device id)");
        assertThat(registry(record("anjian.device-registry", "GAS-1",
                "{\"deviceId\":\"GAS-1\",\"kind\":\"TOASTER\"}".getBytes(StandardCharsets.UTF_8)))
                .get(0).rejected().reason()).startsWith("Device: ").contains("kind");
    }

    /** A record as the source reads it: partition 1, offset 42, created at {@link #RECEIVED}. */
    private static ConsumerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        return new ConsumerRecord<>(topic, 1, 42L, RECEIVED, TimestampType.CREATE_TIME, 0, 0, keyBytes, value,
                new RecordHeaders(), Optional.empty());
    }

    private static List<Decoded<DeviceEvent>> events(ConsumerRecord<byte[], byte[]> record) {
        ListCollector<Decoded<DeviceEvent>> out = new ListCollector<>();
        new DeviceEventDeserializer().deserialize(record, out);
        return out.values;
    }

    private static List<Decoded<RegistryUpdate>> registry(ConsumerRecord<byte[], byte[]> record) {
        ListCollector<Decoded<RegistryUpdate>> out = new ListCollector<>();
        new RegistryDeserializer().deserialize(record, out);
        return out.values;
    }

    private static final class ListCollector<T> implements Collector<T> {
        final List<T> values = new ArrayList<>();

        @Override
        public void collect(T record) {
            values.add(record);
        }

        @Override
        public void close() {
        }
    }
}
