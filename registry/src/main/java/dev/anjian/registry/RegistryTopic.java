package dev.anjian.registry;

import dev.anjian.common.kafka.KafkaClients;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the compacted registry topic to its end (read_committed, so aborted imports are invisible) and
 * tells which device ids are live: their latest record is a device, not a tombstone.
 */
final class RegistryTopic {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrap;
    private final String topic;

    RegistryTopic(String bootstrap, String topic) {
        this.bootstrap = bootstrap;
        this.topic = topic;
    }

    /** Fails when the topic is missing: the producer would otherwise wait for it (or auto-create it uncompacted). */
    void requireExists() throws RegistryImportException {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(readerProperties())) {
            partitions(consumer);
        } catch (KafkaException e) {
            throw new RegistryImportException("cannot reach Kafka at " + bootstrap + ": " + e.getMessage(), e);
        }
    }

    Set<String> liveDeviceIds() throws RegistryImportException {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(readerProperties())) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<String, Boolean> live = new HashMap<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new RegistryImportException("could not read " + topic + " to its end within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    live.put(record.key(), record.value() != null);
                }
            }
            Set<String> ids = new TreeSet<>();
            live.forEach((id, present) -> {
                if (present) {
                    ids.add(id);
                }
            });
            return ids;
        } catch (KafkaException e) {
            throw new RegistryImportException("cannot read the registry topic " + topic + " at " + bootstrap + ": "
                    + e.getMessage(), e);
        }
    }

    private Properties readerProperties() {
        Properties props = KafkaClients.reader(bootstrap, "anjian-registry-import-reader");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return props;
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) throws RegistryImportException {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new RegistryImportException("registry topic " + topic + " does not exist at " + bootstrap
                    + " (deploy/local/stack.sh creates it)");
        }
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
