package dev.anjian.bench.load;

import dev.anjian.bench.measure.LatencyHistogram;
import java.util.concurrent.atomic.LongAdder;

/** What the MQTT load generator did so far; safe to read from any thread. */
public final class LoadCounters {

    final LongAdder published = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder unacknowledgedOnClose = new LongAdder();
    final LongAdder connectionsLost = new LongAdder();
    final LongAdder refusedConnects = new LongAdder();
    final LongAdder deferred = new LongAdder();
    final LatencyHistogram ackLatency = new LatencyHistogram();

    /** QoS 1 PUBLISH packets written. */
    public long published() {
        return published.sum();
    }

    /** PUBACKs received. */
    public long acked() {
        return acked.sum();
    }

    /** Messages still awaiting their PUBACK when a connection closed or was lost. */
    public long unacknowledged() {
        return unacknowledgedOnClose.sum();
    }

    public long connectionsLost() {
        return connectionsLost.sum();
    }

    public long refusedConnects() {
        return refusedConnects.sum();
    }

    /** Times a full in-flight window held sends back (a pacer tick stopped, or a handed-over send skipped). */
    public long deferred() {
        return deferred.sum();
    }

    /** Publish to PUBACK, in ms: the broker's (or the native endpoint's, after Kafka) acknowledgement. */
    public LatencyHistogram ackLatency() {
        return ackLatency;
    }
}
