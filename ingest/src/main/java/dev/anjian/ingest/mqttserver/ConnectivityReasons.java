package dev.anjian.ingest.mqttserver;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttReasonCodes.Disconnect;
import java.io.IOException;
import java.util.Locale;

/**
 * The reasons in DISCONNECTED events (and the disconnect log line) that need more than a constant, shown in device
 * status, e.g. {@code DISCONNECT from the device, reason code 0x04 (disconnect with will message)}. The others:
 * "taken over by a new connection from ...", "removed from the registry", "endpoint stopping" ({@link
 * LiveConnections}), "connection closed by the device without DISCONNECT" and a protocol violation's own reason
 * ({@link MqttConnectionHandler}).
 */
final class ConnectivityReasons {

    private ConnectivityReasons() {
    }

    /** A DISCONNECT packet: MQTT 5 says why (0x00 normal, 0x04 with will message, an error code ...), 3.1.1 does not. */
    static String disconnectPacket(MqttMessage disconnect, boolean mqtt5) {
        // Netty's decoder gives a 3.1.1 DISCONNECT a reason code header too (0x00): only MQTT 5 has one to show.
        if (!mqtt5 || !(disconnect.variableHeader() instanceof MqttReasonCodeAndPropertiesVariableHeader header)) {
            return "DISCONNECT from the device";
        }
        byte code = header.reasonCode();
        String name = "unknown";
        for (Disconnect known : Disconnect.values()) {
            if (known.byteValue() == code) {
                name = known.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            }
        }
        return String.format(Locale.ROOT, "DISCONNECT from the device, reason code 0x%02X (%s)", code & 0xFF, name);
    }

    /** E.g. {@code keep-alive expired: nothing received for 90 s (1.5 x the keep-alive of 60 s)}. */
    static String keepAliveExpired(int keepAliveSeconds) {
        long silenceMillis = keepAliveSeconds * 1500L;
        String silence = silenceMillis % 1000 == 0 ? Long.toString(silenceMillis / 1000)
                : Double.toString(silenceMillis / 1000.0);
        return "keep-alive expired: nothing received for " + silence + " s (1.5 x the keep-alive of " + keepAliveSeconds
                + " s)";
    }

    /**
     * The connection failed under the handler: a reset or broken TCP connection (the device or the network
     * went away without DISCONNECT), or something unexpected in the endpoint.
     */
    static String failure(Throwable cause) {
        return cause instanceof IOException ? "connection lost without DISCONNECT: " + cause.getMessage()
                : "endpoint error: " + cause;
    }
}
