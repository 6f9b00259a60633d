package dev.anjian.ingest.mqttserver;

import io.netty.handler.codec.mqtt.MqttReasonCodes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authenticated connections, at most one per device: a second CONNECT of the same device replaces the first
 * (MQTT 5 DISCONNECT 0x8E Session taken over), as a device that reconnects after a network break would
 * otherwise find its old, half-dead connection still in the way. A device removed from the registry loses its
 * connection (0x87 Not authorized). Each change is reported on device-events through the connection's
 * {@link ConnectivitySession}. Thread-safe.
 */
final class LiveConnections {

    /** An authenticated connection; {@link #disconnect} may be called from any thread. */
    interface Connection {
        String deviceId();

        /** Where it connected from, e.g. {@code /10.0.0.7:51234}. */
        String origin();

        ConnectivitySession session();

        void disconnect(MqttReasonCodes.Disconnect reasonCode, String reason);
    }

    private final Map<String, Connection> byDevice = new ConcurrentHashMap<>();
    private boolean stopping; // guarded by this

    /**
     * Makes {@code connection} its device's current one and reports it CONNECTED ({@code connectedReason}); a
     * previous connection of the device is reported DISCONNECTED first and closed. During shutdown the connection
     * is closed instead, unreported.
     */
    synchronized void bind(Connection connection, String connectedReason) {
        if (stopping) {
            connection.disconnect(MqttReasonCodes.Disconnect.SERVER_SHUTTING_DOWN, "endpoint stopping");
            return;
        }
        Connection old = byDevice.put(connection.deviceId(), connection);
        if (old != null && old != connection) {
            // The old DISCONNECTED is queued on the lane here, before the new CONNECTED: same device, same Kafka key
            // and partition, and the lane sends in the order given, so it cannot land after the new connection's
            // events. Left to the old connection's event loop, it could come later. (Bindings are serialized by this
            // lock, the old connection's own sends by its session's.)
            old.session().disconnected("taken over by a new connection from " + connection.origin());
            old.disconnect(MqttReasonCodes.Disconnect.SESSION_TAKEN_OVER, "replaced by a new connection of the same device");
        }
        connection.session().connected(connectedReason);
    }

    /**
     * Removes {@code connection} only if it is still the device's current one. Call after its session ended, so
     * that a new connection of the device finds it bound until its DISCONNECTED is queued.
     */
    void unbind(Connection connection) {
        byDevice.remove(connection.deviceId(), connection);
    }

    synchronized void deviceRemoved(String deviceId) {
        Connection current = byDevice.get(deviceId);
        if (current != null) {
            current.session().disconnected("removed from the registry");
            current.disconnect(MqttReasonCodes.Disconnect.NOT_AUTHORIZED, "device removed from the registry");
        }
    }

    /**
     * Endpoint stopping: every connection is reported DISCONNECTED ("endpoint stopping") right away, so that the
     * events are queued before the lane closes, and every device is told (MQTT 5 DISCONNECT 0x8B) before its
     * connection closes. Returns how many DISCONNECTED events were queued.
     */
    synchronized int shutdown() {
        stopping = true;
        int reported = 0;
        for (Connection connection : byDevice.values()) {
            if (connection.session().disconnected("endpoint stopping")) {
                reported++;
            }
            connection.disconnect(MqttReasonCodes.Disconnect.SERVER_SHUTTING_DOWN,
                    "endpoint stopping; unacknowledged messages stay with the device");
        }
        return reported;
    }

    int size() {
        return byDevice.size();
    }
}
