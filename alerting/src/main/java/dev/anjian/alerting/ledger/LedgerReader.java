package dev.anjian.alerting.ledger;

import dev.anjian.events.EventFormatException;
import dev.anjian.events.EventJson;
import dev.anjian.events.Notification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores the {@link LedgerIndex} and the {@link NotificationHistory} from the notifications topic: reads every partition from the
 * beginning up to the end offsets taken when {@link #catchUp()} is called. Called at startup and again
 * whenever alarm partitions are assigned, so records written by another instance before a rebalance
 * are known before their alarms are replayed here. Unreadable records are logged and skipped.
 */
public final class LedgerReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerReader.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final LedgerIndex index;
    private final NotificationHistory history;
    private final List<TopicPartition> partitions;

    public LedgerReader(Consumer<String, byte[]> consumer, String topic, LedgerIndex index, NotificationHistory history) {
        this.consumer = consumer;
        this.topic = topic;
        this.index = index;
        this.history = history;
        this.partitions = TopicPartitions.of(consumer, topic, Duration.ofSeconds(10));
        if (partitions.isEmpty()) {
            throw new LedgerException("notifications ledger topic '" + topic + "' does not exist; create it"
                    + " (cleanup.policy=compact), e.g. with deploy/local/stack.sh");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Applies every ledger record up to the current end of the topic; returns how many were read. */
    public int catchUp() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        int read = 0;
        while (behind(end)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                apply(record);
                read++;
            }
        }
        return read;
    }

    private boolean behind(Map<TopicPartition, Long> end) {
        return partitions.stream().anyMatch(p -> consumer.position(p) < end.getOrDefault(p, 0L));
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            index.forget(record.key());
            history.forget(record.key());
            return;
        }
        try {
            Notification notification = EventJson.read(record.value(), Notification.class);
            index.record(notification.ledgerKey(), notification.result());
            history.record(notification);
        } catch (EventFormatException e) {
            LOG.warn("skipping unreadable ledger record {}-{}@{} (key {}): {}",
                    topic, record.partition(), record.offset(), record.key(), e.getMessage());
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
