package dev.anjian.ingest.mqttserver;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A device (or an attacker) speaking MQTT 3.1.1 byte by byte over a plain socket, for what no well-behaved client
 * library sends: garbage, silence, oversized packets. Frames are built here by hand from the spec (fixed header
 * byte, remaining length as a variable byte integer, then the fields); reads wait at most 20 s.
 */
final class RawMqttClient implements AutoCloseable {

    static final byte[] PINGREQ = {(byte) 0xC0, 0x00};
    static final byte[] DISCONNECT = {(byte) 0xE0, 0x00};
    static final int CONNACK = 2;
    static final int PUBACK = 4;
    static final int PINGRESP = 13;

    /** One packet as read: its type (upper 4 bits of byte 1) and everything after the remaining length. */
    record Packet(int type, byte[] body) {
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawMqttClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(20_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** MQTT 3.1.1 CONNECT, clean session, with username and password. */
    static byte[] connect(String clientId, String username, String password, int keepAliveSeconds) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, "MQTT");
        body.write(4); // protocol level 4 = 3.1.1
        body.write(0x80 | 0x40 | 0x02); // username, password, clean session
        body.write(keepAliveSeconds >> 8);
        body.write(keepAliveSeconds & 0xFF);
        string(body, clientId);
        string(body, username);
        string(body, password);
        return frame(0x10, body.toByteArray());
    }

    static byte[] publish(String topic, int qos, int packetId, byte[] payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, topic);
        if (qos > 0) {
            body.write(packetId >> 8);
            body.write(packetId & 0xFF);
        }
        body.writeBytes(payload);
        return frame(0x30 | qos << 1, body.toByteArray());
    }

    /** The start of a QoS 1 PUBLISH announcing {@code declaredPayloadBytes} of payload, of which none is sent. */
    static byte[] publishHeader(String topic, int packetId, int declaredPayloadBytes) {
        byte[] topicAndId = publish(topic, 1, packetId, new byte[0]);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(0x32);
        int variableHeader = 2 + topic.getBytes(StandardCharsets.UTF_8).length + 2;
        remainingLength(header, variableHeader + declaredPayloadBytes);
        header.write(topicAndId, topicAndId.length - variableHeader, variableHeader);
        return header.toByteArray();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    Packet read() throws IOException {
        int first = in.readUnsignedByte();
        int length = 0;
        for (int shift = 0; ; shift += 7) {
            int digit = in.readUnsignedByte();
            length |= (digit & 0x7F) << shift;
            if ((digit & 0x80) == 0) {
                break;
            }
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return new Packet(first >> 4, body);
    }

    /** True once the endpoint closed the connection (EOF or reset); false if it was still open after 20 s. */
    boolean closedByServer() {
        try {
            while (in.read() >= 0) {
                // whatever the endpoint still sent before closing
            }
            return true;
        } catch (EOFException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // connection reset
        }
    }

    /** Where this client connects from, as the endpoint sees it, e.g. {@code /127.0.0.1:51234}. */
    String localAddress() {
        return String.valueOf(socket.getLocalSocketAddress());
    }

    /** Aborts the connection: SO_LINGER 0 makes the close send a TCP RST instead of a FIN. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static byte[] frame(int firstByte, byte[] body) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(firstByte);
        remainingLength(frame, body.length);
        frame.writeBytes(body);
        return frame.toByteArray();
    }

    private static void remainingLength(ByteArrayOutputStream out, int length) {
        do {
            int digit = length % 128;
            length /= 128;
            out.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
    }

    private static void string(ByteArrayOutputStream out, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.write(utf8.length >> 8);
        out.write(utf8.length & 0xFF);
        out.writeBytes(utf8);
    }
}
