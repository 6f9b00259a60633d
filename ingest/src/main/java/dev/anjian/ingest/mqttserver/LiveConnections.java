package dev.anjian.ingest.mqttserver;

import io.netty.handler.codec.mqtt.MqttReasonCodes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authenticated connections, at most one per device: a second CONNECT of the same device replaces the first
 * (MQTT 5 DISCONNECT 0x8E Session taken over), as a device that reconnects after a network break would
 * otherwise find its old, half-dead connection still in the way. A device removed from the registry loses its
 * connection (0x87 Not authorized). Thread-safe.
 */
final class LiveConnections {

    /** An authenticated connection; {@link #disconnect} may be called from any thread. */
    interface Connection {
        String deviceId();

        void disconnect(MqttReasonCodes.Disconnect reasonCode, String reason);
    }

    private final Map<String, Connection> byDevice = new ConcurrentHashMap<>();

    void bind(Connection connection) {
        Connection old = byDevice.put(connection.deviceId(), connection);
        if (old != null && old != connection) {
            old.disconnect(MqttReasonCodes.Disconnect.SESSION_TAKEN_OVER, "replaced by a new connection of the same device");
        }
    }

    /** Removes {@code connection} only if it is still the device's current one. */
    void unbind(Connection connection) {
        byDevice.remove(connection.deviceId(), connection);
    }

    void deviceRemoved(String deviceId) {
        Connection current = byDevice.get(deviceId);
        if (current != null) {
            current.disconnect(MqttReasonCodes.Disconnect.NOT_AUTHORIZED, "device removed from the registry");
        }
    }

    /** Endpoint stopping: every device is told (MQTT 5 DISCONNECT 0x8B) before its connection closes. */
    void shutdown() {
        byDevice.values().forEach(c -> c.disconnect(MqttReasonCodes.Disconnect.SERVER_SHUTTING_DOWN,
                "endpoint stopping; unacknowledged messages stay with the device"));
    }

    int size() {
        return byDevice.size();
    }
}
