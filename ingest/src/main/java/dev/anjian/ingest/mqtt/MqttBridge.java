package dev.anjian.ingest.mqtt;

import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceEvent;
import dev.anjian.ingest.DaemonThreads;
import dev.anjian.ingest.IngestSettings;
import dev.anjian.ingest.kafka.EventPublisher;
import dev.anjian.ingest.mqtt.InOrderAcks.Ack;
import dev.anjian.ingest.mqtt.TelemetryParseResult.Readings;
import dev.anjian.ingest.mqtt.TelemetryParseResult.Rejection;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bridges enterprise sensor telemetry from the MQTT broker into Kafka topic device-events, at least once:
 * a QoS 1 message is acknowledged to the broker only after Kafka acknowledged every event made from it
 * (or, for a rejected payload, its dead letter), and PUBACKs go out in arrival order ({@link InOrderAcks}).
 * A failed Kafka send is retried with backoff until it succeeds or the bridge closes; an unacknowledged
 * message stays in the broker's persistent session and is redelivered to the next bridge with the same
 * client id. Several bridges (distinct client ids, one share group) split the load through the shared
 * subscription {@code $share/{group}/anjian/telemetry/+/+}.
 *
 * <p>Threads: Paho's callback thread only hands messages over; parsing, Kafka sends, retries and acks run on
 * one worker thread, so the ack bookkeeping needs no locks and Paho is never blocked by Kafka. Kafka's
 * callback thread only queues the messages it completed; one worker task then acknowledges all of them
 * (one hop per Kafka batch, not per record: the hops were most of the bridge's cost at full load). A timer
 * thread waits out retry backoffs and the summary interval and hands the work to the worker.
 *
 * <pre>try (MqttBridge bridge = new MqttBridge(IngestSettings.from(config))) { bridge.start(); ... }</pre>
 */
public final class MqttBridge implements AutoCloseable {

    static final String DEAD_LETTER_SOURCE = "mqtt";

    private static final Logger LOG = LoggerFactory.getLogger(MqttBridge.class);
    private static final long SUMMARY_EVERY_SECONDS = 30;
    private static final long STOP_TIMEOUT_MS = 5_000;

    private final IngestSettings settings;
    private final EventPublisher publisher;
    private final boolean ownsPublisher;
    private final Clock clock;
    private final ExecutorService worker;
    private final ScheduledExecutorService timer;
    private final Executor onWorker;
    private final RetryingSender sender;
    private final InOrderAcks acks = new InOrderAcks(); // worker thread only
    private final AtomicLong connection = new AtomicLong(); // +1 at every connection loss
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final InFlightWindow window;
    private final Queue<Long> completedTickets = new ConcurrentLinkedQueue<>(); // Kafka thread -> worker
    private final AtomicBoolean ackingScheduled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closing;
    private volatile MqttSubscriber mqtt;
    private CompletableFuture<Void> drained; // worker thread only
    private BridgeStats lastLogged; // worker thread only

    /** A bridge with its own {@link EventPublisher}, closed with it. */
    public MqttBridge(IngestSettings settings) {
        this(settings, new EventPublisher(settings.kafkaBootstrap(), settings.kafkaClientId(), settings.topics()), true);
    }

    /** A bridge sending through a shared publisher, which the caller closes after the bridge. */
    public MqttBridge(IngestSettings settings, EventPublisher publisher) {
        this(settings, publisher, false);
    }

    private MqttBridge(IngestSettings settings, EventPublisher publisher, boolean ownsPublisher) {
        this.settings = settings;
        this.publisher = publisher;
        this.ownsPublisher = ownsPublisher;
        this.clock = Clock.systemUTC();
        this.worker = Executors.newSingleThreadExecutor(DaemonThreads.named("mqtt-bridge-" + settings.mqttClientId()));
        this.timer = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named("mqtt-bridge-timer-" + settings.mqttClientId()));
        this.onWorker = this::runOnWorker;
        this.window = new InFlightWindow(settings.mqttMaxInFlight());
        this.sender = new RetryingSender(timer, onWorker, Backoff.KAFKA, "MQTT acks withheld");
    }

    /** Connects, resumes or creates the session and subscribes; returns once subscribed, throws if it cannot. */
    public void start() {
        if (mqtt != null || closed.get()) {
            throw new IllegalStateException("an MqttBridge starts once; create a new one to start again");
        }
        LOG.info("MQTT bridge starting: broker {} as client '{}', subscription '{}' (QoS 1), session expiry {},"
                        + " receive maximum {}, max payload {} bytes -> Kafka {} topics {} (dead letters {})",
                settings.mqttUrl(), settings.mqttClientId(), settings.mqttSubscription(), settings.mqttSessionExpiry(),
                settings.mqttMaxInFlight(), settings.mqttMaxPayloadBytes(), settings.kafkaBootstrap(),
                settings.topics().deviceEvents(), settings.topics().deadLetter());
        try {
            // Assigned before connecting: a resumed session redelivers at once, and Kafka may confirm one of
            // those messages before SUBACK; its PUBACK must find the client.
            mqtt = MqttSubscriber.create(settings);
            mqtt.connect(new BridgeCallback(this));
        } catch (MqttException | RuntimeException e) {
            close();
            throw new IllegalStateException("MQTT bridge cannot start on " + settings.mqttUrl() + " as '"
                    + settings.mqttClientId() + "': " + e.getMessage(), e);
        }
        timer.scheduleAtFixedRate(() -> runOnWorker(this::logSummary), SUMMARY_EVERY_SECONDS, SUMMARY_EVERY_SECONDS,
                TimeUnit.SECONDS);
        LOG.info("MQTT bridge running: subscribed to '{}'", settings.mqttSubscription());
    }

    public BridgeStats stats() {
        return new BridgeStats(received.get(), rejected.get(), publisher.counters().published(),
                publisher.counters().deadLettered(), acked.get(), sender.retries(), inFlight.get());
    }

    /**
     * Stops taking messages, waits up to {@code mqtt.close-timeout} for those in flight to reach Kafka and be
     * acknowledged, then disconnects. Whatever is still unacknowledged stays in the broker's session.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        closing = true;
        awaitDrained();
        timer.shutdownNow();
        worker.shutdownNow();
        awaitWorkerStopped();
        if (mqtt != null) {
            mqtt.close();
        }
        if (ownsPublisher) {
            publisher.close();
        }
        LOG.info("MQTT bridge closed: {}; unacknowledged messages stay with the broker for redelivery", stats().line());
    }

    // ------------------------------------------------------------------ called by BridgeCallback (Paho threads)

    void messageArrived(String topic, int packetId, int qos, byte[] payload) {
        received.incrementAndGet();
        if (closing || (qos > 0 && !window.take(() -> closing))) {
            LOG.debug("closing: message {} on {} left unacknowledged for redelivery", packetId, topic);
            return;
        }
        long arrivedOn = connection.get();
        long receivedAt = clock.millis(); // after any wait for the window: receipt is when the bridge takes it
        runOnWorker(() -> handle(topic, packetId, qos, payload, receivedAt, arrivedOn));
    }

    void connectionLost(String reason) {
        long lost = connection.getAndIncrement();
        if (!closing) {
            LOG.warn("MQTT connection to {} lost ({}); reconnecting automatically", settings.mqttUrl(), reason);
        }
        runOnWorker(() -> forgetConnection(lost));
    }

    void reconnected() {
        LOG.info("MQTT reconnected to {}; subscribing to '{}' again", settings.mqttUrl(), settings.mqttSubscription());
        MqttSubscriber subscriber = mqtt;
        if (subscriber != null) {
            subscriber.resubscribe();
        }
    }

    // ------------------------------------------------------------------ worker thread

    private void handle(String topic, int packetId, int qos, byte[] payload, long receivedAt, long arrivedOn) {
        long ticket = qos > 0 ? acks.arrived(packetId, qos, arrivedOn) : -1;
        inFlight.set(acks.size());
        TelemetryParseResult result = parse(topic, payload, receivedAt);
        List<CompletableFuture<Void>> sends;
        if (result instanceof Readings readings) {
            sends = readings.events().stream().map(this::publish).toList();
        } else {
            String reason = ((Rejection) result).reason();
            rejected.incrementAndGet();
            LOG.warn("rejected MQTT message on '{}' ({} bytes): {}; sending it to dead-letter", topic, payload.length, reason);
            DeadLetter letter = DeadLetter.of(DEAD_LETTER_SOURCE, topic, reason, payload, receivedAt);
            sends = List.of(sender.untilAcknowledged(() -> publisher.deadLetter(letter), () -> "dead letter from " + topic));
        }
        if (ticket >= 0) {
            CompletableFuture.allOf(sends.toArray(CompletableFuture<?>[]::new)).thenRun(() -> completed(ticket));
        }
    }

    private TelemetryParseResult parse(String topic, byte[] payload, long receivedAt) {
        try {
            return TelemetryPayloadParser.parse(topic, payload, receivedAt, settings.mqttMaxPayloadBytes());
        } catch (RuntimeException e) {
            // The parser is tested never to throw; should it still, the message is dead-lettered, not lost.
            LOG.error("telemetry parser failed on a message from '{}'", topic, e);
            return new Rejection("parser failure: " + e);
        }
    }

    private CompletableFuture<Void> publish(DeviceEvent event) {
        return sender.untilAcknowledged(() -> publisher.publish(event),
                () -> event.reading().metric() + " reading of " + event.deviceId());
    }

    /** Any thread (mostly Kafka's): everything made from the message is in Kafka. */
    private void completed(long ticket) {
        completedTickets.add(ticket);
        if (ackingScheduled.compareAndSet(false, true)) {
            runOnWorker(this::acknowledgeCompleted);
        }
    }

    private void acknowledgeCompleted() {
        ackingScheduled.set(false); // first: a ticket queued from now on schedules another run
        for (Long ticket = completedTickets.poll(); ticket != null; ticket = completedTickets.poll()) {
            for (Ack ack : acks.completed(ticket)) {
                window.free(1);
                // A packet id is only meaningful on the connection it arrived on (and forgetConnection drops
                // older ones); this check closes the gap until that task has run.
                if (ack.connection() == connection.get()) {
                    acknowledge(ack);
                }
            }
        }
        inFlight.set(acks.size());
        checkDrained();
    }

    private void acknowledge(Ack ack) {
        try {
            mqtt.acknowledge(ack.packetId(), ack.qos());
            acked.incrementAndGet();
        } catch (MqttException e) {
            LOG.warn("cannot acknowledge MQTT message {}: {}; the broker will redeliver it", ack.packetId(), e.getMessage());
        }
    }

    private void forgetConnection(long lost) {
        int dropped = acks.clear();
        window.free(dropped);
        inFlight.set(0);
        if (dropped > 0) {
            LOG.info("{} messages received on MQTT connection #{} were not acknowledged; the broker redelivers them"
                    + " (their Kafka sends continue, so Kafka may see them twice)", dropped, lost);
        }
        checkDrained();
    }

    private void checkDrained() {
        if (drained != null && acks.size() == 0) {
            drained.complete(null);
        }
    }

    private void logSummary() {
        BridgeStats now = stats();
        if (!now.equals(lastLogged)) {
            LOG.info("MQTT bridge: {}", now.line());
            lastLogged = now;
        }
    }

    // ------------------------------------------------------------------ lifecycle helpers

    private void runOnWorker(Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // Never silent: a failed task may have left messages unacknowledged until the next reconnect.
                    LOG.error("MQTT bridge task failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("bridge closed: task not run; anything unacknowledged stays with the broker");
        }
    }

    private void awaitDrained() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        runOnWorker(() -> {
            drained = done;
            checkDrained();
        });
        LOG.info("MQTT bridge closing: waiting up to {} for {} in-flight messages", settings.mqttCloseTimeout(), inFlight.get());
        try {
            done.get(settings.mqttCloseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("MQTT bridge closing with {} messages unacknowledged (Kafka did not confirm them in time)", inFlight.get());
        }
    }

    private void awaitWorkerStopped() {
        try {
            if (!worker.awaitTermination(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                LOG.warn("MQTT bridge worker did not stop within {} ms", STOP_TIMEOUT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
