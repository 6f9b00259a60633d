package dev.anjian.ingest.mqttserver;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every connection's {@link MqttConnectionHandler} shares: settings, who may connect, Kafka (readings, dead
 * letters, connectivity events), counters.
 */
record EndpointContext(MqttEndpointSettings settings, DeviceAuthenticator authenticator, LiveConnections connections,
        KafkaLane lane, DeadLetters deadLetters, ConnectivityEvents connectivity, MqttEndpointCounters counters,
        RateLimitedLog refusals, RateLimitedLog protocolErrors, AtomicBoolean retainLogged, Clock clock) {
}
