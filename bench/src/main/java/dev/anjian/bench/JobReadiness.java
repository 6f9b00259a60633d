package dev.anjian.bench;

import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.events.Topics;
import java.time.Duration;
import java.util.HashMap;
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
 * Waits until the monitoring job knows every registered device. The job dead-letters an event that overtakes
 * its device's registration (by design: nothing waits in state), which at start-up is a race between its
 * registry and its event source. A completed checkpoint whose committed registry offsets reach the last
 * registration proves every registration was processed by the detectors (the barrier came after them); the
 * job checkpoints every 10 s, so this takes up to one interval. "The last registration": the offset after the
 * last record of each partition, not the end offset, which counts the import transaction's commit marker.
 */
final class JobReadiness {

    private JobReadiness() {
    }

    static void awaitRegistry(String bootstrap, Topics topics, String groupId, Duration timeout, ComponentProcess job)
            throws InterruptedException {
        Map<TopicPartition, Long> last = afterLastRecords(bootstrap, topics.deviceRegistry());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (!reached(admin, groupId + "-registry", last)) {
                job.requireAlive();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the monitoring job has not read the registry " + topics.deviceRegistry()
                            + " (offsets " + last + ") after " + timeout.toSeconds() + " s");
                }
                Thread.sleep(500);
            }
        }
    }

    private static boolean reached(Admin admin, String group, Map<TopicPartition, Long> last) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            return last.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                    && committed.get(e.getKey()).offset() >= e.getValue());
        } catch (ExecutionException | TimeoutException e) {
            return false; // the group does not exist before the job's first commit
        }
    }

    /** Per partition, the offset after its last record (0 when empty), read with read_committed. */
    static Map<TopicPartition, Long> afterLastRecords(String bootstrap, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaClients.reader(bootstrap, "bench-readiness"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> last = new HashMap<>();
            partitions.forEach(p -> last.put(p, 0L));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(r -> last.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max));
            }
            return last;
        }
    }
}
