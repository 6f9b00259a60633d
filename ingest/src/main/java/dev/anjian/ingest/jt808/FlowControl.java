package dev.anjian.ingest.jt808;

import io.netty.channel.Channel;

/**
 * Backpressure of one connection: while {@code max} of its events wait for Kafka's acknowledgement the
 * connection stops reading (autoRead off), so TCP pushes back on the terminal instead of the gateway
 * buffering without bound; reading resumes at half. Event-loop confined.
 */
final class FlowControl {

    private final Channel channel;
    private final int max;
    private final Jt808Counters counters;
    private int inFlight;

    FlowControl(Channel channel, int max, Jt808Counters counters) {
        this.channel = channel;
        this.max = max;
        this.counters = counters;
    }

    void sent() {
        inFlight++;
        if (inFlight >= max && channel.config().isAutoRead()) {
            channel.config().setAutoRead(false);
            counters.readPaused();
        }
    }

    void acknowledged() {
        inFlight--;
        if (inFlight <= max / 2 && !channel.config().isAutoRead()) {
            channel.config().setAutoRead(true);
        }
    }

    int inFlight() {
        return inFlight;
    }
}
