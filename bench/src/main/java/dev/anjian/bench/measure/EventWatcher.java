package dev.anjian.bench.measure;

import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.DeviceStatus;
import dev.anjian.events.EventFormatException;
import dev.anjian.events.EventJson;
import dev.anjian.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the run's alarms and device-status topics from the beginning on its own thread and stamps each
 * record with the wall-clock time it arrived here: the "alarm on Kafka" end of the latency measurements.
 * Polls with a short wait and fetch.max.wait.ms of 10 ms, so a record is seen within milliseconds of
 * being written.
 */
public final class EventWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventWatcher.class);

    public record Arrival<T>(T value, long arrivedAt) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Topics topics;
    private final List<Arrival<AlarmEvent>> alarms = new CopyOnWriteArrayList<>();
    private final List<Arrival<DeviceStatus>> statuses = new CopyOnWriteArrayList<>();
    private final AtomicLong unreadable = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    public EventWatcher(String bootstrap, Topics topics) {
        this.topics = topics;
        var props = KafkaClients.reader(bootstrap, "bench-watcher");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.alarms(), topics.deviceStatus())) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::run, "event-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(50));
                long now = System.currentTimeMillis();
                for (ConsumerRecord<String, byte[]> r : records) {
                    take(r, now);
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("alarm/status watcher stopped", e);
            }
        } finally {
            consumer.close();
        }
    }

    private void take(ConsumerRecord<String, byte[]> r, long now) {
        if (r.value() == null) {
            return;
        }
        try {
            if (r.topic().equals(topics.alarms())) {
                alarms.add(new Arrival<>(EventJson.read(r.value(), AlarmEvent.class), now));
            } else {
                statuses.add(new Arrival<>(EventJson.read(r.value(), DeviceStatus.class), now));
            }
        } catch (EventFormatException e) {
            unreadable.incrementAndGet();
            LOG.warn("unreadable record on {}: {}", r.topic(), e.getMessage());
        }
    }

    public List<Arrival<AlarmEvent>> alarms() {
        return List.copyOf(alarms);
    }

    public List<Arrival<DeviceStatus>> statuses() {
        return List.copyOf(statuses);
    }

    public int alarmCount() {
        return alarms.size();
    }

    public long offlineCount() {
        return statuses.stream().filter(s -> s.value().status() == DeviceStatus.Status.OFFLINE).count();
    }

    public long unreadable() {
        return unreadable.get();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
