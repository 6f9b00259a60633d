package dev.anjian.alerting;

import dev.anjian.alerting.ledger.LedgerException;
import dev.anjian.alerting.pipeline.AlertingEngine;
import dev.anjian.alerting.pipeline.Notice;
import dev.anjian.alerting.pipeline.OffsetTracker;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The poll loop on the alarms topic, nothing else: pause fetching while the SMS backlog is full
 * (backpressure: nothing is dropped, alarms wait in Kafka), poll, hand every record to the handler, let the
 * engine tick, and commit only the offsets whose every outcome is in the ledger ({@link OffsetTracker}).
 * If the handler fails (dead-letter topic unreachable) the consumer seeks back to the first unhandled
 * record of each partition and tries again after {@code retryDelay}. On assignment the ledger is caught up
 * before any record of the new partitions is handled.
 */
final class AlarmConsumer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmConsumer.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Consumer<ConsumerRecord<String, byte[]>> handler;
    private final AlertingEngine engine;
    private final OffsetTracker offsets;
    private final Runnable onAssigned;
    private final Duration retryDelay;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile boolean running = true;
    private boolean paused;

    AlarmConsumer(KafkaConsumer<String, byte[]> consumer, String topic, Consumer<ConsumerRecord<String, byte[]>> handler,
            AlertingEngine engine, OffsetTracker offsets, Runnable onAssigned, Duration retryDelay) {
        this.consumer = consumer;
        this.topic = topic;
        this.handler = handler;
        this.engine = engine;
        this.offsets = offsets;
        this.onAssigned = onAssigned;
        this.retryDelay = retryDelay;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            while (running) {
                flowControl();
                ConsumerRecords<String, byte[]> batch = consumer.poll(POLL);
                if (!batch.isEmpty()) {
                    handle(batch);
                }
                tick();
                commit();
            }
            LOG.info("alarm consumer on {} stopped", topic);
        } catch (RuntimeException e) {
            LOG.error("alarm consumer on {} stopped by an unexpected error; uncommitted alarms will be re-read"
                    + " on the next start", topic, e);
        } finally {
            consumer.close();
        }
    }

    /** Timers (escalation, storm summaries, retries): a failure is logged and the loop goes on taking alarms. */
    private void tick() {
        try {
            engine.tick();
        } catch (RuntimeException e) {
            LOG.error("alerting timers failed this round; alarms keep being taken and the next round retries", e);
        }
    }

    /** Asks the loop to stop after the batch in hand is handled and what is recorded is committed. */
    void stop() {
        running = false;
        stopSignal.countDown();
    }

    private void flowControl() {
        boolean full = engine.backlogFull();
        if (full && !paused) {
            consumer.pause(consumer.assignment());
            paused = true;
            LOG.warn("SMS backlog full: fetching alarms paused until the provider catches up (nothing is dropped)");
        } else if (!full && paused) {
            consumer.resume(consumer.paused());
            paused = false;
            LOG.info("SMS backlog below its bound: fetching alarms resumed");
        }
    }

    private void handle(ConsumerRecords<String, byte[]> batch) {
        Set<TopicPartition> failed = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            TopicPartition tp = new TopicPartition(record.topic(), record.partition());
            if (failed.contains(tp)) {
                continue;
            }
            try {
                handler.accept(record);
                offsets.handled(new Notice.Source(record.topic(), record.partition(), record.offset()));
            } catch (LedgerException | KafkaException e) {
                LOG.error("alarm {}-{}@{} not handled, re-reading it in {} ms: {}", record.topic(), record.partition(),
                        record.offset(), retryDelay.toMillis(), e.getMessage());
                consumer.seek(tp, record.offset());
                failed.add(tp);
            }
        }
        if (!failed.isEmpty()) {
            awaitRetry();
        }
    }

    private void commit() {
        Map<TopicPartition, OffsetAndMetadata> ready = offsets.committable();
        if (ready.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(ready);
            offsets.committed(ready);
        } catch (CommitFailedException e) {
            // The partitions moved to another instance, which re-reads them; the ledger stops a second SMS.
            LOG.warn("commit of alarm offsets {} failed after a rebalance; they will be re-read: {}", ready, e.getMessage());
        } catch (KafkaException e) {
            LOG.warn("commit of alarm offsets failed, retried on the next round: {}", e.getMessage());
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
            onAssigned.run();
            engine.assigned(partitions);
            if (paused) {
                consumer.pause(partitions);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            LOG.info("alarm partitions revoked: {}", partitions);
            commit();
            engine.revoked(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            LOG.info("alarm partitions lost: {}", partitions);
            engine.revoked(partitions);
        }
    }
}
