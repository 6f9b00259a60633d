package dev.anjian.ingest.mqttserver;

import dev.anjian.events.Connectivity;
import dev.anjian.events.DeviceEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint's CONNECTIVITY events on device-events, as the JT/T 808 gateway sends them: CONNECTED when a device
 * logged in, DISCONNECTED when its connection ended, with the gateway id ({@code mqtt.client-id}) and a reason,
 * e.g. {@code DISCONNECTED, anjian-ingest-1, "keep-alive expired: nothing received for 90 s (1.5 x the keep-alive
 * of 60 s)"}. The monitoring job judges a DISCONNECTED device OFFLINE after offline.disconnect-grace instead of
 * its whole silence timeout. Sent through the {@link KafkaLane} and retried until the endpoint stops (a
 * DISCONNECTED is sent once its connection is gone: the connection cannot be what keeps it wanted). Which
 * connection sends which event, once and in order, is {@link ConnectivitySession}'s job. Thread-safe.
 */
final class ConnectivityEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectivityEvents.class);

    private final String gatewayId;
    private final KafkaLane lane;
    private final MqttEndpointCounters counters;
    private final Clock clock;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Set<CompletableFuture<Void>> unconfirmed = ConcurrentHashMap.newKeySet();

    ConnectivityEvents(String gatewayId, KafkaLane lane, MqttEndpointCounters counters, Clock clock) {
        this.gatewayId = gatewayId;
        this.lane = lane;
        this.counters = counters;
        this.clock = clock;
    }

    /** The connectivity of one authenticated connection of {@code deviceId}. */
    ConnectivitySession session(String deviceId) {
        return new ConnectivitySession(deviceId, this);
    }

    void connected(String deviceId, String reason) {
        counters.connectedEvent();
        send(deviceId, Connectivity.State.CONNECTED, reason);
    }

    void disconnected(String deviceId, String reason) {
        counters.disconnectedEvent();
        send(deviceId, Connectivity.State.DISCONNECTED, reason);
    }

    /** The endpoint is stopping: a failed send is no longer retried (it is logged instead). */
    void stop() {
        stopped.set(true);
    }

    /**
     * Waits at most {@code timeout} for Kafka's answer to every event sent (call after the lane closed, before the
     * producer does); returns how many are still without one: dropped with their pending retry, or stuck.
     */
    int awaitConfirmed(Duration timeout) {
        try {
            CompletableFuture.allOf(unconfirmed.toArray(CompletableFuture[]::new)).get(timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.debug("connectivity events not all confirmed: {}", e.toString()); // counted below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return unconfirmed.size();
    }

    private void send(String deviceId, Connectivity.State state, String reason) {
        DeviceEvent event = DeviceEvent.connectivity(deviceId, clock.millis(), new Connectivity(state, gatewayId, reason));
        CompletableFuture<Void> sent = lane.publish(List.of(event), () -> !stopped.get());
        unconfirmed.add(sent);
        sent.whenComplete((ok, error) -> {
            unconfirmed.remove(sent);
            if (error != null) {
                LOG.warn("{} event of device {} ({}) not written to Kafka: {}", state, deviceId, reason, error.toString());
            }
        });
    }
}
