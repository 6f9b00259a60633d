package dev.anjian.alerting;

import dev.anjian.alerting.ledger.LedgerException;
import dev.anjian.alerting.pipeline.AlertingCounters;
import dev.anjian.alerting.pipeline.AlertingEngine;
import dev.anjian.alerting.pipeline.Notice;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.EventFormatException;
import dev.anjian.events.EventJson;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one record of the alarms topic into a run of the alerting chain. Input that is not an alarm (bad
 * JSON, a missing field, an empty record), or an alarm the chain fails on, goes to the dead-letter topic
 * with the reason; it never stalls the consumer. A dead-letter failure ({@link LedgerException}) propagates:
 * the record is re-read, its offset not committed.
 */
final class AlarmIntake {

    static final String SOURCE = "alerting";
    private static final Logger LOG = LoggerFactory.getLogger(AlarmIntake.class);

    private final AlertingEngine engine;
    private final Producer<String, byte[]> producer;
    private final String deadLetterTopic;
    private final AlertingCounters counters;
    private final Clock clock;

    AlarmIntake(AlertingEngine engine, Producer<String, byte[]> producer, String deadLetterTopic,
            AlertingCounters counters, Clock clock) {
        this.engine = engine;
        this.producer = producer;
        this.deadLetterTopic = deadLetterTopic;
        this.counters = counters;
        this.clock = clock;
    }

    void handle(ConsumerRecord<String, byte[]> record) {
        AlarmEvent alarm;
        try {
            alarm = EventJson.read(record.value(), AlarmEvent.class);
        } catch (EventFormatException e) {
            reject(record, "not an alarm event: " + e.getMessage());
            return;
        }
        try {
            engine.handle(alarm, new Notice.Source(record.topic(), record.partition(), record.offset()));
        } catch (RuntimeException e) {
            LOG.error("alarm {} {} could not be processed", alarm.alarmId(), alarm.state(), e);
            reject(record, "alarm " + alarm.alarmId() + " " + alarm.state() + " could not be processed: " + e);
        }
    }

    private void reject(ConsumerRecord<String, byte[]> record, String reason) {
        String origin = record.topic() + "-" + record.partition() + "@" + record.offset();
        byte[] raw = record.value() == null ? new byte[0] : record.value();
        LOG.warn("rejected alarm record {} (key {}): {}", origin, record.key(), reason);
        DeadLetter letter = DeadLetter.of(SOURCE, origin, reason, raw, clock.millis());
        try {
            producer.send(new ProducerRecord<>(deadLetterTopic, SOURCE, EventJson.write(letter))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException("interrupted while dead-lettering " + origin, e);
        } catch (ExecutionException | RuntimeException e) {
            // Treated like a ledger failure: the record must not be committed before its rejection is durable.
            throw new LedgerException("cannot dead-letter " + origin + " to " + deadLetterTopic + ": " + e, e);
        }
        counters.rejected();
    }
}
