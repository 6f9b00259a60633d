package dev.anjian.bench.load;

import java.util.function.IntFunction;

/**
 * Where and how the sensors connect. The broker path pools them: {@code connections} shared connections to
 * Mosquitto, sensor i on connection i mod n (Paho per sensor is too heavy for thousands). The native endpoint
 * authenticates devices, so there every sensor has its own connection with its credentials.
 */
public record MqttTarget(String host, int port, boolean perDevice, int connections, int maxInFlight,
        IntFunction<String> username, IntFunction<String> password) {

    public static MqttTarget pooled(String host, int port, int connections, int maxInFlight) {
        return new MqttTarget(host, port, false, connections, maxInFlight, i -> "", i -> "");
    }

    public static MqttTarget perDevice(String host, int port, int maxInFlight, IntFunction<String> username,
            IntFunction<String> password) {
        return new MqttTarget(host, port, true, 0, maxInFlight, username, password);
    }

    int connectionCount(int sensors) {
        return perDevice ? sensors : Math.min(connections, sensors);
    }

    int connectionOf(int sensor) {
        return perDevice ? sensor : sensor % connections;
    }
}
