package dev.anjian.ingest.mqtt;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MQTT messages received but not yet acknowledged, in arrival order. MQTT requires PUBACKs in the
 * order the PUBLISHes arrived (MQTT 5.0 section 4.6), while Kafka may confirm them in any order: a
 * message completes when Kafka has everything made from it, and its ack is released only once every
 * message before it has completed too. E.g. arrivals 7, 8, 9; Kafka confirms 9, then 7: ack 7; then 8: ack 8, 9.
 *
 * <p>Not thread-safe: the bridge uses it from its one worker thread.
 */
final class InOrderAcks {

    /** A PUBACK to send: packet id and QoS as received, and the connection the message arrived on. */
    record Ack(int packetId, int qos, long connection) {
    }

    private static final class Entry {
        final Ack ack;
        boolean completed;

        Entry(Ack ack) {
            this.ack = ack;
        }
    }

    private final Map<Long, Entry> inArrivalOrder = new LinkedHashMap<>();
    private long nextTicket;

    /** Records an arrival; the returned ticket is later passed to {@link #completed}. */
    long arrived(int packetId, int qos, long connection) {
        long ticket = nextTicket++;
        inArrivalOrder.put(ticket, new Entry(new Ack(packetId, qos, connection)));
        return ticket;
    }

    /**
     * Marks one message completed and returns the acks now due, in arrival order (empty while an earlier
     * message is still pending). Unknown tickets (dropped by {@link #clear}) are ignored.
     */
    List<Ack> completed(long ticket) {
        Entry entry = inArrivalOrder.get(ticket);
        if (entry == null) {
            return List.of();
        }
        entry.completed = true;
        List<Ack> due = new ArrayList<>();
        Iterator<Entry> oldestFirst = inArrivalOrder.values().iterator();
        while (oldestFirst.hasNext()) {
            Entry oldest = oldestFirst.next();
            if (!oldest.completed) {
                break;
            }
            due.add(oldest.ack);
            oldestFirst.remove();
        }
        return due;
    }

    /** Messages received and not yet acknowledged. */
    int size() {
        return inArrivalOrder.size();
    }

    /**
     * Forgets every pending message, e.g. when the connection they arrived on is lost: their packet ids mean
     * nothing on a new connection, and the broker redelivers them itself. Returns how many were dropped.
     */
    int clear() {
        int dropped = inArrivalOrder.size();
        inArrivalOrder.clear();
        return dropped;
    }
}
