package dev.anjian.common.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * Where integration tests find the real services: system properties set by Failsafe from the root pom,
 * defaulting to the test profile of {@code deploy/local/stack.sh}. A missing service fails fast with the
 * command that starts it, instead of a test hanging on a connection.
 */
public final class ItServices {

    private ItServices() {
    }

    public static String kafkaBootstrap() {
        return require("it.kafka.bootstrap", "127.0.0.1:19092");
    }

    public static String mqttUrl() {
        return require("it.mqtt.url", "tcp://127.0.0.1:11883");
    }

    public static String influxUrl() {
        return require("it.influx.url", "http://127.0.0.1:18086");
    }

    private static String require(String property, String defaultValue) {
        String value = System.getProperty(property, defaultValue);
        String hostPort = value.contains("://") ? URI.create(value).getAuthority() : value.split(",")[0];
        String host = hostPort.substring(0, hostPort.lastIndexOf(':'));
        int port = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
        } catch (IOException e) {
            throw new IllegalStateException("integration tests need the service at " + value + " (" + property
                    + "); start it with: deploy/local/stack.sh start --profile test", e);
        }
        return value;
    }
}
