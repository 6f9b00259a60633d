package dev.anjian.bench.measure;

import dev.anjian.common.kafka.KafkaClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Offsets of one topic, read once a second: its end offsets (records written so far) and a consumer
 * group's committed offsets on it (the monitoring job commits on checkpoints, so this lag is stale by up
 * to one checkpoint interval).
 */
public final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Admin admin;
    private final List<TopicPartition> partitions;

    public KafkaProbe(String bootstrap, String topic) {
        consumer = new KafkaConsumer<>(KafkaClients.reader(bootstrap, "bench-probe"));
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    public long endOffsets() {
        return consumer.endOffsets(partitions, Duration.ofSeconds(5)).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Sum of the group's committed offsets on the topic; 0 before its first commit, -1 when the group cannot be read. */
    public long committed(String groupId) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            return partitions.stream().map(offsets::get).filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        } catch (ExecutionException | TimeoutException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        consumer.close();
        admin.close(Duration.ofSeconds(2));
    }
}
