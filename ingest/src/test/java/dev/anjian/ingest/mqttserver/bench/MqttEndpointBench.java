package dev.anjian.ingest.mqttserver.bench;

import dev.anjian.common.Config;
import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.common.testing.TestTopics;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.Direction;
import dev.anjian.events.EventJson;
import dev.anjian.events.Industry;
import dev.anjian.events.MetricSpec;
import dev.anjian.events.MqttCredential;
import dev.anjian.events.Topics;
import dev.anjian.ingest.kafka.EventPublisher;
import dev.anjian.ingest.mqtt.TelemetryMessage;
import dev.anjian.ingest.mqttserver.MqttEndpoint;
import dev.anjian.ingest.mqttserver.MqttEndpointCounters;
import dev.anjian.ingest.mqttserver.MqttEndpointSettings;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark harness (not a test; verify never runs it): the native MQTT endpoint in this JVM on a loopback port,
 * into the given real Kafka (fresh topics), with {@code publishers} Paho v5 devices in the same JVM each keeping
 * {@code window} QoS 1 messages in flight (one CH4 reading, ~90 bytes, one Kafka record each). After a 5 s
 * warm-up it counts PUBACKs for {@code seconds}: the figure is PUBACKs per second, each one sent only after Kafka
 * (acks=all) acknowledged its event. Publishing is bounded in count (200,000 msg/s x duration) and time.
 * {@code java ... MqttEndpointBench <kafka-bootstrap> [publishers=2] [seconds=20] [window=500]}.
 */
public final class MqttEndpointBench {

    private static final Logger LOG = LoggerFactory.getLogger(MqttEndpointBench.class);
    private static final long WARM_UP_MILLIS = 5_000;
    private static final long MAX_MESSAGES_PER_SECOND = 200_000;

    private MqttEndpointBench() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int publishers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int window = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        Topics topics = TestTopics.create(bootstrap, 4);
        registerDevices(bootstrap, topics, publishers);
        MqttEndpointSettings settings = MqttEndpointSettings.from(Config.of(Map.of("mqtt-endpoint.enabled", "true",
                "mqtt-endpoint.port", "0", "mqtt-endpoint.max-in-flight", String.valueOf(window),
                "kafka.bootstrap", bootstrap, "topic.prefix", topics.prefix()), Map.of()));
        try (EventPublisher kafka = new EventPublisher(bootstrap, "bench-mqtt-endpoint", topics);
                MqttEndpoint endpoint = new MqttEndpoint(settings, kafka).start()) {
            String url = "tcp://127.0.0.1:" + endpoint.server().port();
            long maxPerPublisher = MAX_MESSAGES_PER_SECOND * (seconds + WARM_UP_MILLIS / 1000) / publishers;
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> threads = new ArrayList<>();
            AtomicLong confirmed = new AtomicLong();
            for (int i = 0; i < publishers; i++) {
                MqttAsyncClient client = connect(url, i);
                String deviceId = deviceId(i);
                Thread thread = new Thread(() -> publishLoop(client, deviceId, window, maxPerPublisher, running,
                        confirmed), "bench-publisher-" + i);
                threads.add(thread);
            }
            threads.forEach(Thread::start);
            measure(endpoint.server().counters(), kafka, confirmed, seconds, publishers, window);
            running.set(false);
            for (Thread thread : threads) {
                thread.join(10_000);
            }
        }
    }

    private static void measure(MqttEndpointCounters counters, EventPublisher kafka, AtomicLong confirmed, int seconds,
            int publishers, int window) throws InterruptedException {
        Thread.sleep(WARM_UP_MILLIS); // warm-up, a period of the benchmark, not test synchronisation
        long acked0 = counters.acked();
        long records0 = kafka.counters().published();
        long confirmed0 = confirmed.get();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L); // the measured window
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double acked = (counters.acked() - acked0) / elapsed;
        double records = (kafka.counters().published() - records0) / elapsed;
        double atClients = (confirmed.get() - confirmed0) / elapsed;
        LOG.info(String.format(Locale.ROOT, "MQTT endpoint, %d publisher(s) x window %d, QoS 1, %.1f s: %,.0f PUBACK/s"
                        + " (clients saw %,.0f/s), %,.0f Kafka records/s; read pauses %d, retries %d; %d cores, load %.1f",
                publishers, window, elapsed, acked, atClients, records, counters.readPauses(), counters.kafkaRetries(),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    }

    /** Publishes until stopped or {@code max} messages, at most {@code window} unacknowledged at a time. */
    private static void publishLoop(MqttAsyncClient client, String deviceId, int window, long max, AtomicBoolean running,
            AtomicLong confirmed) {
        String topic = TelemetryMessage.topic("E-BENCH", deviceId);
        Semaphore inFlight = new Semaphore(window);
        MqttActionListener release = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                confirmed.incrementAndGet();
                inFlight.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
                inFlight.release();
            }
        };
        try {
            for (long n = 0; n < max && running.get(); n++) {
                if (!inFlight.tryAcquire(1, TimeUnit.SECONDS)) {
                    continue;
                }
                MqttMessage message = new MqttMessage(payload(n));
                message.setQos(1);
                client.publish(topic, message, null, release);
            }
            client.disconnect().waitForCompletion(10_000);
            client.close();
        } catch (Exception e) {
            LOG.error("publisher {} stopped", deviceId, e);
        }
    }

    private static byte[] payload(long n) {
        return ("{\"ts\":" + (1_795_939_200_000L + n) + ",\"quality\":\"NORMAL\",\"metrics\":{\"CH4\":{\"value\":0."
                + (n % 100) + ",\"unit\":\"%\"}}}").getBytes(StandardCharsets.UTF_8);
    }

    private static MqttAsyncClient connect(String url, int i) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(url, "bench-" + i, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setUserName(deviceId(i));
        options.setPassword(password(i).getBytes(StandardCharsets.UTF_8));
        client.connect(options).waitForCompletion(30_000);
        return client;
    }

    private static String deviceId(int i) {
        return "BENCH-MQTT-" + i;
    }

    private static String password(int i) {
        return "bench-password-" + i;
    }

    private static void registerDevices(String bootstrap, Topics topics, int n) throws Exception {
        SecureRandom random = new SecureRandom();
        try (KafkaProducer<String, byte[]> registry = new KafkaProducer<>(KafkaClients.producer(bootstrap, "bench-registry"))) {
            for (int i = 0; i < n; i++) {
                Device device = new Device(deviceId(i), DeviceKind.GAS_SENSOR, "E-BENCH", "bench", "410100",
                        Industry.COAL_MINE, "", 60, List.of(new MetricSpec("CH4", "%", Direction.HIGH, List.of(1.0), 1.0, 0, 1)),
                        null).withMqttCredential(MqttCredential.of(password(i), random));
                registry.send(new ProducerRecord<>(topics.deviceRegistry(), device.deviceId(), EventJson.write(device))).get();
            }
        }
    }
}
