package dev.anjian.alerting.ledger;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions of a topic, waiting up to {@code patience} for its metadata: a topic created a moment
 * ago (deploy script, test) may not be known to every broker yet. Empty means it does not exist.
 */
public final class TopicPartitions {

    private static final long RETRY_MS = 100;

    private TopicPartitions() {
    }

    public static List<TopicPartition> of(Consumer<?, ?> consumer, String topic, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            }
            if (System.nanoTime() > deadline) {
                return List.of();
            }
            try {
                Thread.sleep(RETRY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
    }
}
