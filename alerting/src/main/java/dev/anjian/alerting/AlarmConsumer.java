package dev.anjian.alerting;

import dev.anjian.alerting.ledger.LedgerException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll loop on the alarms topic, nothing else: poll a batch, hand every record to the handler, and
 * commit the batch's offsets only after the handler returned for all of them (every outcome is then in
 * the ledger). If the handler fails (ledger or dead-letter topic unreachable) the consumer seeks back
 * to the batch start and tries again after {@code retryDelay}. On (re)assignment of partitions
 * {@code beforeFirstBatch} runs (ledger catch-up) before any of their records are handled.
 */
final class AlarmConsumer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmConsumer.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Consumer<ConsumerRecord<String, byte[]>> handler;
    private final Runnable beforeFirstBatch;
    private final Duration retryDelay;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean assignmentChanged;

    AlarmConsumer(KafkaConsumer<String, byte[]> consumer, String topic, Consumer<ConsumerRecord<String, byte[]>> handler,
            Runnable beforeFirstBatch, Duration retryDelay) {
        this.consumer = consumer;
        this.topic = topic;
        this.handler = handler;
        this.beforeFirstBatch = beforeFirstBatch;
        this.retryDelay = retryDelay;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            while (running) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(POLL);
                if (!batch.isEmpty()) {
                    handle(batch);
                }
            }
            LOG.info("alarm consumer on {} stopped", topic);
        } catch (RuntimeException e) {
            LOG.error("alarm consumer on {} stopped by an unexpected error; uncommitted alarms will be re-read"
                    + " on the next start", topic, e);
        } finally {
            consumer.close();
        }
    }

    /** Asks the loop to stop after the batch in hand is recorded and committed. */
    void stop() {
        running = false;
        stopSignal.countDown();
    }

    private void handle(ConsumerRecords<String, byte[]> batch) {
        try {
            if (assignmentChanged) {
                beforeFirstBatch.run();
                assignmentChanged = false;
            }
            batch.forEach(handler);
            consumer.commitSync(nextOffsets(batch));
        } catch (CommitFailedException e) {
            // The partitions moved to another instance, which re-reads them; the ledger stops a second SMS.
            LOG.warn("commit of {} alarms failed after a rebalance; they will be re-read: {}", batch.count(), e.getMessage());
        } catch (LedgerException | KafkaException e) {
            LOG.error("batch of {} alarms not fully recorded, retrying in {} ms: {}", batch.count(),
                    retryDelay.toMillis(), e.getMessage());
            rewind(batch);
            awaitRetry();
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : batch.partitions()) {
            List<ConsumerRecord<String, byte[]>> records = batch.records(partition);
            offsets.put(partition, new OffsetAndMetadata(records.get(records.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private void rewind(ConsumerRecords<String, byte[]> batch) {
        for (TopicPartition partition : batch.partitions()) {
            consumer.seek(partition, batch.records(partition).get(0).offset());
        }
    }

    private void awaitRetry() {
        try {
            stopSignal.await(retryDelay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.info("alarm partitions assigned: {}", partitions);
            assignmentChanged = true;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Offsets are committed after every batch, so there is nothing pending to commit here.
            LOG.info("alarm partitions revoked: {}", partitions);
        }
    }
}
