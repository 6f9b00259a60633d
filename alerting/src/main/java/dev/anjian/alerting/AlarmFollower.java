package dev.anjian.alerting;

import dev.anjian.alerting.book.AlarmBook;
import dev.anjian.alerting.ledger.TopicPartitions;
import dev.anjian.events.AlarmCommand;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.EventFormatException;
import dev.anjian.events.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link AlarmBook} current: reads every partition of the alarms and alarm-commands topics from
 * the beginning ({@link #catchUp()} at startup restores open alarms and acknowledgements), then follows
 * them on its own thread. Unreadable records are logged and skipped here: the poll thread dead-letters bad
 * alarms, and commands come from the alarm API.
 */
final class AlarmFollower implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Consumer<String, byte[]> consumer;
    private final String alarmsTopic;
    private final String commandsTopic;
    private final AlarmBook book;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private volatile boolean running = true;

    AlarmFollower(Consumer<String, byte[]> consumer, String alarmsTopic, String commandsTopic, AlarmBook book) {
        this.consumer = consumer;
        this.alarmsTopic = alarmsTopic;
        this.commandsTopic = commandsTopic;
        this.book = book;
        for (String topic : List.of(alarmsTopic, commandsTopic)) {
            List<TopicPartition> found = TopicPartitions.of(consumer, topic, Duration.ofSeconds(10));
            if (found.isEmpty()) {
                throw new IllegalStateException("topic '" + topic + "' does not exist; create it, e.g. with deploy/local/stack.sh");
            }
            partitions.addAll(found);
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Applies everything up to the current end of both topics; returns how many records were read. */
    int catchUp() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        int read = 0;
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.getOrDefault(p, 0L))) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                apply(record);
                read++;
            }
        }
        return read;
    }

    @Override
    public void run() {
        try {
            while (running) {
                consumer.poll(POLL).forEach(this::apply);
            }
        } catch (KafkaException e) {
            if (running) {
                LOG.error("alarm follower stopped; the alarm API and escalation see no new alarms until restart", e);
            }
        } finally {
            consumer.close();
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            if (record.topic().equals(alarmsTopic)) {
                book.apply(EventJson.read(record.value(), AlarmEvent.class), record.partition(), record.offset());
            } else if (record.topic().equals(commandsTopic)) {
                book.apply(EventJson.read(record.value(), AlarmCommand.class));
            }
        } catch (EventFormatException e) {
            LOG.debug("skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    /** Stops following; the thread closes the consumer. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
