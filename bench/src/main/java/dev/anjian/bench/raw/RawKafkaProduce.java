package dev.anjian.bench.raw;

import dev.anjian.bench.report.Figure;
import dev.anjian.bench.proc.Processes;
import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.events.EventJson;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raw Kafka produce: one thread sending records as the gateways do, a reading event's JSON (about 206 bytes,
 * space-padded should it be under 200) keyed by device id, with the product's producer settings (common
 * KafkaClients: acks=all, idempotent, linger 5 ms, lz4, which compresses these similar JSONs well), into a
 * scratch topic of 4 partitions (the stack's default) created for the run and deleted after it. The figure is
 * records per second acknowledged by the broker in the steady window.
 */
public final class RawKafkaProduce {

    static final int RECORD_BYTES = 200;
    private static final Logger LOG = LoggerFactory.getLogger(RawKafkaProduce.class);
    private static final int PARTITIONS = 4;
    private static final int DEVICES = 10_000;
    private static final long MAX_RECORDS_PER_SECOND = 2_000_000; // bounds the sender's count

    private RawKafkaProduce() {
    }

    public static Figure run(String bootstrap, Duration duration) {
        String topic = "bench-raw-" + UUID.randomUUID().toString().substring(0, 8);
        LOG.info("raw Kafka produce: {} topic {} ({} partitions), device-event records, acks=all, {}",
                bootstrap, topic, PARTITIONS, duration);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                return produce(bootstrap, topic, duration);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("raw Kafka produce on " + bootstrap + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("raw Kafka produce interrupted", e);
        }
    }

    private static Figure produce(String bootstrap, String topic, Duration duration) throws InterruptedException {
        Properties config = KafkaClients.producer(bootstrap, "bench-kafka-producer");
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        byte[][] values = values();
        long max = Math.max(1, duration.toSeconds()) * MAX_RECORDS_PER_SECOND;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            AtomicBoolean stopping = new AtomicBoolean();
            Thread sender = new Thread(() -> {
                for (long n = 0; n < max && !stopping.get(); n++) {
                    int device = (int) (n % DEVICES);
                    producer.send(new ProducerRecord<>(topic, "GAS-" + device, values[device % values.length]),
                            (metadata, error) -> (error == null ? acked : failed).incrementAndGet());
                }
            }, "bench-kafka-sender");
            CpuShares cpu = new CpuShares(Map.of("sender thread", "bench-kafka-sender",
                    "producer io thread", "kafka-producer-network-thread"), CpuShares.thisJvmAnd("kafka broker", Processes.withArgument("kafka.Kafka")));
            sender.start();
            SteadyWindow.Rate rate = SteadyWindow.of(duration).measure(acked::get, cpu);
            stopping.set(true);
            sender.join(30_000);
            String note = String.format(Locale.ROOT, "%d-byte JSON, %d partitions, acks=all, lz4, linger 5 ms,"
                    + " %,d failed; %s", values[0].length, PARTITIONS, failed.get(), cpu.describe());
            LOG.info("raw Kafka produce: {} records/s; {}", Math.round(rate.perSecond()), note);
            return new Figure("raw.kafka.produce", rate.perSecond(), "records/s", note);
        }
    }

    /** 100 distinct values of at least 200 bytes: reading events of different devices and values. */
    private static byte[][] values() {
        byte[][] values = new byte[100][];
        BenchReadings readings = new BenchReadings(values.length, System.currentTimeMillis());
        for (int i = 0; i < values.length; i++) {
            byte[] json = EventJson.write(readings.event(i * 7L).event().withEnterprise("E" + (i % 10)));
            byte[] padded = Arrays.copyOf(json, Math.max(RECORD_BYTES, json.length));
            Arrays.fill(padded, json.length, padded.length, (byte) ' ');
            values[i] = padded;
        }
        return values;
    }
}
