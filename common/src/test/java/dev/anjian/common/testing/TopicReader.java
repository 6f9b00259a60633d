package dev.anjian.common.testing;

import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.events.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/**
 * Reads a whole topic from the beginning in a test and keeps what it saw; {@link #awaitValues} polls until
 * the records satisfy a condition or the timeout ends (then the assertion error lists what was seen).
 */
public final class TopicReader<T> implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Class<T> type;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public TopicReader(String bootstrap, String topic, Class<T> type) {
        this.type = type;
        this.consumer = new KafkaConsumer<>(KafkaClients.reader(bootstrap, "test-reader"));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .collect(Collectors.toList());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything read so far, decoded. */
    public List<T> values() {
        poll();
        return records.stream().filter(r -> r.value() != null).map(r -> EventJson.read(r.value(), type)).toList();
    }

    public List<ConsumerRecord<String, byte[]>> records() {
        poll();
        return List.copyOf(records);
    }

    public List<T> awaitValues(Predicate<List<T>> condition, Duration timeout) {
        List<List<T>> last = new ArrayList<>(List.of(List.of()));
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .alias("records on topic matching the condition")
                .until(() -> {
                    last.set(0, values());
                    return condition.test(last.get(0));
                });
        return last.get(0);
    }

    private void poll() {
        for (int empty = 0; empty < 2; ) {
            var batch = consumer.poll(Duration.ofMillis(100));
            if (batch.isEmpty()) {
                empty++;
            }
            batch.forEach(records::add);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
