package dev.anjian.ingest.mqttserver;

import dev.anjian.ingest.kafka.EventPublisher;
import dev.anjian.ingest.mqtt.Backoff;
import dev.anjian.ingest.netty.TcpServer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native MQTT endpoint's TCP server (MQTT 3.1.1 and 5 on one port): devices of {@code devices} connect with
 * their registry credential and publish telemetry, which goes to device-events (refused input to dead-letter,
 * source {@value DeadLetters#SOURCE}) through the shared {@link EventPublisher}, which the
 * caller owns and closes after this server. Usage: {@code new MqttEndpointServer(settings, publisher,
 * devices).start()}, then {@link #port()}; {@link #close()} closes every connection and stops.
 */
public final class MqttEndpointServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttEndpointServer.class);
    private static final long LOG_EVERY_MILLIS = 10_000;
    /** How long stopping waits for Kafka to confirm the last connectivity events (the "endpoint stopping" ones). */
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(3);

    private final MqttEndpointSettings settings;
    private final DeviceDirectory devices;
    private final EndpointContext context;
    private TcpServer server;

    public MqttEndpointServer(MqttEndpointSettings settings, EventPublisher publisher, DeviceDirectory devices) {
        this.settings = settings;
        this.devices = devices;
        MqttEndpointCounters counters = new MqttEndpointCounters();
        LiveConnections connections = new LiveConnections();
        devices.onRemoved(connections::deviceRemoved);
        KafkaLane lane = new KafkaLane(publisher, Backoff.KAFKA, counters);
        Clock clock = Clock.systemUTC();
        this.context = new EndpointContext(settings, new DeviceAuthenticator(devices), connections, lane,
                new DeadLetters(lane, counters), new ConnectivityEvents(settings.gatewayId(), lane, counters, clock),
                counters, new RateLimitedLog(LOG, LOG_EVERY_MILLIS), new RateLimitedLog(LOG, LOG_EVERY_MILLIS),
                new AtomicBoolean(), clock);
    }

    /** Binds and returns once the port is listening. */
    public MqttEndpointServer start() {
        try {
            server = TcpServer.start("MQTT endpoint", settings.bind(), settings.port(), 0,
                    channels -> new MqttEndpointInitializer(context, channels));
        } catch (IllegalStateException e) {
            close();
            throw e;
        }
        LOG.info("MQTT endpoint '{}' listening on {} (MQTT 3.1.1 and 5, QoS 0 and 1): {}; max {} connections, {}"
                        + " in-flight messages per connection, packets up to {} bytes, keep-alive at most {}",
                settings.gatewayId(), server.localAddress(), devices.summary(), settings.maxConnections(),
                settings.maxInFlight(), settings.maxPacketRemainingBytes(), settings.keepAliveMax());
        return this;
    }

    /** The port listened on (the ephemeral one when mqtt-endpoint.port is 0). */
    public int port() {
        return server.port();
    }

    public MqttEndpointCounters counters() {
        return context.counters();
    }

    /** Authenticated devices connected now. */
    public int connectedDevices() {
        return context.connections().size();
    }

    /**
     * Closes every connection (unacknowledged messages stay with their devices) and stops. Each connected device
     * is reported DISCONNECTED ("endpoint stopping") before the Kafka lane closes: best effort, as once the lane
     * closes nothing is retried; what Kafka did not confirm within 3 s is logged with its count.
     */
    @Override
    public void close() {
        if (server != null) {
            server.stopAccepting();
            // DISCONNECTED events queued first; MQTT 5 devices get their DISCONNECT before the connection closes.
            int reported = context.connections().shutdown();
            LOG.info("MQTT endpoint stopping: DISCONNECTED (endpoint stopping) queued for {} connected device(s)",
                    reported);
            server.close();
        }
        context.connectivity().stop();
        context.lane().close();
        int unconfirmed = context.connectivity().awaitConfirmed(CONFIRM_TIMEOUT);
        if (unconfirmed > 0) {
            LOG.warn("MQTT endpoint stopped with {} connectivity event(s) not confirmed by Kafka within {}: their"
                    + " retries were dropped, or the producer still holds them", unconfirmed, CONFIRM_TIMEOUT);
        }
        LOG.info("MQTT endpoint stopped: {}", context.counters());
    }
}
