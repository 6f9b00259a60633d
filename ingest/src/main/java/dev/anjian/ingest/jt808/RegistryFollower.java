package dev.anjian.ingest.jt808;

import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.events.Device;
import dev.anjian.events.EventFormatException;
import dev.anjian.events.EventJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a gateway's view of the registry (a {@link Listener}: {@link KnownTerminals} for JT/T 808, the MQTT
 * endpoint's devices) in step with the compacted device-registry topic: reads it from the beginning,
 * {@link #start()} returns once the end offsets of that moment are reached (so the gateway does not refuse
 * known devices at startup), then follows new records and tombstones on its own thread.
 */
public final class RegistryFollower implements AutoCloseable {

    /** Receives every registry record on the follower's thread. */
    public interface Listener {
        void put(Device device);

        void remove(String deviceId);

        /** For the startup log, e.g. {@code 6 vehicle terminals known}. */
        String summary();
    }

    private static final Logger LOG = LoggerFactory.getLogger(RegistryFollower.class);

    private final String bootstrap;
    private final String topic;
    private final Listener listener;
    private final Duration loadTimeout;
    private final String name;
    private final String timeoutKey;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;
    private Thread thread;

    public RegistryFollower(String bootstrap, String topic, KnownTerminals terminals, Duration loadTimeout) {
        this(bootstrap, topic, new Listener() {
            @Override
            public void put(Device device) {
                terminals.put(device);
            }

            @Override
            public void remove(String deviceId) {
                terminals.remove(deviceId);
            }

            @Override
            public String summary() {
                return terminals.size() + " vehicle terminals known";
            }
        }, loadTimeout, "jt808", "jt808.registry-timeout");
    }

    /**
     * @param name the gateway, in the thread name and Kafka client id ({@code anjian-<name>-registry})
     * @param timeoutKey the config key of {@code loadTimeout}, named when loading takes too long
     */
    public RegistryFollower(String bootstrap, String topic, Listener listener, Duration loadTimeout, String name,
            String timeoutKey) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.listener = listener;
        this.loadTimeout = loadTimeout;
        this.name = name;
        this.timeoutKey = timeoutKey;
    }

    /** Starts following; returns when the registry is loaded, or throws after the load timeout. */
    public void start() {
        thread = new Thread(this::follow, name + "-registry");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!loaded.await(loadTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new IllegalStateException("registry topic " + topic + " on " + bootstrap + " not loaded within "
                        + loadTimeout + " (" + timeoutKey + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the registry", e);
        }
        LOG.info("registry {} loaded for {}: {}", topic, name, listener.summary());
    }

    private void follow() {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(KafkaClients.reader(bootstrap, "anjian-" + name + "-registry"))) {
            consumer = c;
            List<TopicPartition> partitions = c.partitionsFor(topic, loadTimeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            while (running) {
                c.poll(Duration.ofMillis(500)).forEach(this::apply);
                if (loaded.getCount() > 0 && end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
                    loaded.countDown();
                }
            }
        } catch (WakeupException e) {
            LOG.debug("registry follower woken up to stop");
        } catch (RuntimeException e) {
            LOG.error("{} registry follower stopped: {}; devices known so far stay known", name, e.toString(), e);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            listener.remove(record.key());
            return;
        }
        try {
            listener.put(EventJson.read(record.value(), Device.class));
        } catch (EventFormatException e) {
            LOG.warn("registry record {} at offset {} skipped: {}", record.key(), record.offset(), e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
