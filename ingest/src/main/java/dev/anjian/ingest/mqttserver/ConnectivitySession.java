package dev.anjian.ingest.mqttserver;

import java.util.function.Supplier;

/**
 * One authenticated connection as device-events sees it: CONNECTED, the device's readings, then exactly one
 * DISCONNECTED with the first reason the connection ended for. Whoever ends it first sends the DISCONNECTED:
 * the connection's own event loop (DISCONNECT, keep-alive, protocol violation, TCP closed or reset), the device's
 * next connection taking over, a registry tombstone or the endpoint stopping ({@link LiveConnections}); a later
 * reason changes nothing. Readings are handed to Kafka through {@link #whileConnected}, so that none is queued
 * after the DISCONNECTED. Thread-safe: its lock orders this connection's sends on the {@link KafkaLane}, and the
 * lane sends in that order.
 */
final class ConnectivitySession {

    private enum State { NEW, CONNECTED, ENDED }

    private final String deviceId;
    private final ConnectivityEvents events;
    private State state = State.NEW;
    private String endReason;

    ConnectivitySession(String deviceId, ConnectivityEvents events) {
        this.deviceId = deviceId;
        this.events = events;
    }

    /** Sends CONNECTED, unless the connection already ended (then it was never reported, nor is its end). */
    synchronized boolean connected(String reason) {
        if (state != State.NEW) {
            return false;
        }
        state = State.CONNECTED;
        events.connected(deviceId, reason);
        return true;
    }

    /** Ends the session; sends DISCONNECTED if it was reported CONNECTED. True if this call sent it. */
    synchronized boolean disconnected(String reason) {
        if (state == State.ENDED) {
            return false;
        }
        boolean reported = state == State.CONNECTED;
        state = State.ENDED;
        endReason = reason;
        if (reported) {
            events.disconnected(deviceId, reason);
        }
        return reported;
    }

    /** Runs {@code send} (a Kafka send of this device's events) while connected; null once the session ended. */
    synchronized <T> T whileConnected(Supplier<T> send) {
        return state == State.CONNECTED ? send.get() : null;
    }

    /** Why the session ended; null while it lasts. */
    synchronized String endReason() {
        return endReason;
    }
}
