package dev.anjian.ingest.mqttserver;

import io.netty.channel.Channel;

/**
 * Backpressure of one connection: while {@code max} of its messages wait for Kafka, the connection stops
 * reading (autoRead off), so TCP pushes back on the device instead of the endpoint buffering without bound;
 * reading resumes at half. {@link #stop()} stops reading for good (the connection is closing). Event-loop
 * confined; the same rule as the JT/T 808 gateway's FlowControl.
 */
final class ReadThrottle {

    private final Channel channel;
    private final int max;
    private final MqttEndpointCounters counters;
    private int waiting;
    private boolean stopped;

    ReadThrottle(Channel channel, int max, MqttEndpointCounters counters) {
        this.channel = channel;
        this.max = max;
        this.counters = counters;
    }

    void sent() {
        waiting++;
        if (waiting >= max && channel.config().isAutoRead()) {
            channel.config().setAutoRead(false);
            counters.readPaused();
        }
    }

    void done() {
        waiting--;
        if (!stopped && waiting <= max / 2 && !channel.config().isAutoRead()) {
            channel.config().setAutoRead(true);
        }
    }

    void stop() {
        stopped = true;
        channel.config().setAutoRead(false);
    }

    int waiting() {
        return waiting;
    }
}
