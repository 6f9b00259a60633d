package dev.anjian.alerting.ledger;

import dev.anjian.events.EventJson;
import dev.anjian.events.Notification;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Produces each {@link Notification} to the compacted notifications topic keyed by its ledger key and
 * waits for the broker's ack (acks=all), so an alarm's input offset is committed only after its
 * outcome is durable. A failure throws {@link LedgerException}.
 */
public final class LedgerWriter implements LedgerSink {

    private final Producer<String, byte[]> producer;
    private final String topic;

    public LedgerWriter(Producer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    @Override
    public void record(Notification notification) {
        String key = notification.ledgerKey();
        try {
            producer.send(new ProducerRecord<>(topic, key, EventJson.write(notification))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException("interrupted while recording " + key + " in " + topic, e);
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new LedgerException("cannot record " + key + " in " + topic + ": " + cause, cause);
        }
    }
}
