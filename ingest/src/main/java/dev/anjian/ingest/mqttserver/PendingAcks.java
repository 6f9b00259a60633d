package dev.anjian.ingest.mqttserver;

import io.netty.handler.codec.mqtt.MqttReasonCodes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection's messages that wait for Kafka, in arrival order, with what to send when each one's turn
 * comes: a PUBACK (QoS 1) with its reason code, and/or closing the connection. MQTT wants PUBACKs in the order
 * the PUBLISHes arrived, Kafka may confirm in any order: an entry is due once it is done and every entry before
 * it is too. E.g. arrivals 7, 8, 9; Kafka confirms 9, then 7: PUBACK 7; then 8: PUBACK 8, 9.
 *
 * <p>Event-loop confined. Its size is bounded by mqtt-endpoint.max-in-flight (see {@link ReadThrottle}).
 */
final class PendingAcks {

    /** No PUBACK for this entry (QoS 0, or MQTT 3.1.1 where a refusal can only close the connection). */
    static final int NO_PUBACK = -1;

    /** Why the connection ends when this entry is due; {@code reasonCode} goes into an MQTT 5 DISCONNECT. */
    record Closing(MqttReasonCodes.Disconnect reasonCode, String reason) {
    }

    static final class Entry {
        final int packetId;
        final byte reasonCode;
        final Closing closing;
        private boolean done;

        private Entry(int packetId, byte reasonCode, Closing closing) {
            this.packetId = packetId;
            this.reasonCode = reasonCode;
            this.closing = closing;
        }

        boolean sendsPubAck() {
            return packetId != NO_PUBACK;
        }
    }

    private final ArrayDeque<Entry> inArrivalOrder = new ArrayDeque<>();

    /** A message that arrived; {@code closing} is null unless the connection ends after it. */
    Entry arrived(int packetId, byte reasonCode, Closing closing) {
        Entry entry = new Entry(packetId, reasonCode, closing);
        inArrivalOrder.addLast(entry);
        return entry;
    }

    /** Marks {@code entry} done and returns the entries now due, oldest first (empty while an older one waits). */
    List<Entry> done(Entry entry) {
        entry.done = true;
        List<Entry> due = new ArrayList<>(1);
        while (!inArrivalOrder.isEmpty() && inArrivalOrder.peekFirst().done) {
            due.add(inArrivalOrder.pollFirst());
        }
        return due;
    }

    int size() {
        return inArrivalOrder.size();
    }
}
