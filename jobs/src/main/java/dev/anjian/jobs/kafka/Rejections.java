package dev.anjian.jobs.kafka;

import dev.anjian.events.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Dead letters for Kafka records the job cannot decode: the raw bytes, where they came from and why. */
final class Rejections {

    static final String SOURCE = "jobs";

    private Rejections() {
    }

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record, String reason) {
        byte[] raw = record.value() == null ? new byte[0] : record.value();
        long receivedAt = record.timestamp() > 0 ? record.timestamp() : System.currentTimeMillis();
        return DeadLetter.of(SOURCE, origin(record), reason, raw, receivedAt);
    }

    /** E.g. {@code anjian.device-events/3@1042}: topic, partition and offset of the record. */
    static String origin(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }
}
