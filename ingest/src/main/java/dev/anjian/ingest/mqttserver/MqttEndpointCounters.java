package dev.anjian.ingest.mqttserver;

import java.util.concurrent.atomic.LongAdder;

/** What the endpoint has done so far; updated from every event loop and the Kafka lane, read by logs and tests. */
public final class MqttEndpointCounters {

    private final LongAdder connectionsOpened = new LongAdder();
    private final LongAdder connectionsClosed = new LongAdder();
    private final LongAdder overLimit = new LongAdder();
    private final LongAdder connectsAccepted = new LongAdder();
    private final LongAdder connectsRefused = new LongAdder();
    private final LongAdder protocolErrors = new LongAdder();
    private final LongAdder keepAliveTimeouts = new LongAdder();
    private final LongAdder messages = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder unauthorized = new LongAdder();
    private final LongAdder oversized = new LongAdder();
    private final LongAdder readPauses = new LongAdder();
    private final LongAdder kafkaRetries = new LongAdder();
    private final LongAdder connectedEvents = new LongAdder();
    private final LongAdder disconnectedEvents = new LongAdder();

    void connectionOpened() { connectionsOpened.increment(); }
    void connectionClosed() { connectionsClosed.increment(); }
    void connectionOverLimit() { overLimit.increment(); }
    void connectAccepted() { connectsAccepted.increment(); }
    void connectRefused() { connectsRefused.increment(); }
    void protocolError() { protocolErrors.increment(); }
    void keepAliveTimeout() { keepAliveTimeouts.increment(); }
    void message() { messages.increment(); }
    void ackedOne() { acked.increment(); }
    void deadLetteredOne() { deadLettered.increment(); }
    void unauthorizedOne() { unauthorized.increment(); }
    void oversizedOne() { oversized.increment(); }
    void readPaused() { readPauses.increment(); }
    void kafkaRetry() { kafkaRetries.increment(); }
    void connectedEvent() { connectedEvents.increment(); }
    void disconnectedEvent() { disconnectedEvents.increment(); }

    /** TCP connections open now (authenticated or not). */
    public long openConnections() { return connectionsOpened.sum() - connectionsClosed.sum(); }
    /** Connections closed at once because mqtt-endpoint.max-connections were open. */
    public long refusedOverLimit() { return overLimit.sum(); }
    public long connectsAccepted() { return connectsAccepted.sum(); }
    /** CONNECTs answered with a refusing CONNACK (unknown device, wrong password, no credential, bad version). */
    public long connectsRefused() { return connectsRefused.sum(); }
    /** Connections closed for breaking the protocol: garbage, no CONNECT in time, malformed or oversized packets. */
    public long protocolErrors() { return protocolErrors.sum(); }
    public long keepAliveTimeouts() { return keepAliveTimeouts.sum(); }
    /** PUBLISH packets received from authenticated devices. */
    public long messages() { return messages.sum(); }
    /** PUBACKs sent (each after Kafka acknowledged everything made from its message). */
    public long acked() { return acked.sum(); }
    /** Messages sent whole to dead-letter (bad payload, foreign topic, QoS 2, oversized). */
    public long deadLettered() { return deadLettered.sum(); }
    /** Messages to a topic other than the device's own. */
    public long unauthorized() { return unauthorized.sum(); }
    public long oversized() { return oversized.sum(); }
    /** How often a connection stopped reading because mqtt-endpoint.max-in-flight messages awaited Kafka. */
    public long readPauses() { return readPauses.sum(); }
    public long kafkaRetries() { return kafkaRetries.sum(); }
    /** CONNECTIVITY CONNECTED events handed to Kafka (one per connection that logged in). */
    public long connectedEvents() { return connectedEvents.sum(); }
    /** CONNECTIVITY DISCONNECTED events handed to Kafka (one per CONNECTED, once its connection ended). */
    public long disconnectedEvents() { return disconnectedEvents.sum(); }

    /** One log line, e.g. {@code connections=3 connects=5 refused=1 messages=120 acked=118 dead-lettered=2 ...}. */
    @Override
    public String toString() {
        return "connections=" + openConnections() + " connects=" + connectsAccepted() + " refused=" + connectsRefused()
                + " over-limit=" + refusedOverLimit() + " protocol-errors=" + protocolErrors()
                + " keep-alive-timeouts=" + keepAliveTimeouts() + " messages=" + messages() + " acked=" + acked()
                + " dead-lettered=" + deadLettered() + " unauthorized=" + unauthorized() + " oversized=" + oversized()
                + " read-pauses=" + readPauses() + " kafka-retries=" + kafkaRetries()
                + " connected-events=" + connectedEvents() + " disconnected-events=" + disconnectedEvents();
    }
}
