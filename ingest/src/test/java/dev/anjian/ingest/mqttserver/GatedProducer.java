package dev.anjian.ingest.mqttserver;

import dev.anjian.common.kafka.KafkaClients;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The real Kafka producer with a latch in front of its acknowledgements: records really reach the broker (a test
 * can read them), but the sender hears of it only once the test {@link #open()}s the gate. This makes "Kafka has
 * it, the endpoint does not know yet" a state a test can hold and look at.
 */
final class GatedProducer extends KafkaProducer<String, byte[]> {

    private final CompletableFuture<Void> gate = new CompletableFuture<>();
    private final AtomicInteger held = new AtomicInteger();

    GatedProducer(String bootstrap) {
        super(KafkaClients.producer(bootstrap, "it-gated"));
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
        return super.send(record, (metadata, error) -> {
            held.incrementAndGet();
            gate.thenRun(() -> callback.onCompletion(metadata, error));
        });
    }

    /** Acknowledgements Kafka gave that wait at the gate (or went through it). */
    int held() {
        return held.get();
    }

    void open() {
        gate.complete(null);
    }
}
