package dev.anjian.ingest.mqtt;

/**
 * Counters of one {@link MqttBridge} since it started: MQTT messages {@code received}, of which
 * {@code rejected} were dead-lettered; Kafka records {@code published} (readings) and {@code deadLettered};
 * MQTT messages {@code acked}; failed Kafka sends scheduled again ({@code retries}); messages received and
 * not yet acknowledged ({@code inFlight}, at most {@code mqtt.max-in-flight} for QoS 1).
 */
public record BridgeStats(
        long received, long rejected, long published, long deadLettered, long acked, long retries, int inFlight) {

    /** One log line, e.g. {@code received=120 rejected=1 published=358 dead-lettered=1 acked=120 retries=0 in-flight=0}. */
    public String line() {
        return "received=" + received + " rejected=" + rejected + " published=" + published
                + " dead-lettered=" + deadLettered + " acked=" + acked + " retries=" + retries + " in-flight=" + inFlight;
    }
}
