package dev.anjian.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT 3.1.1 client connection of the load generator (netty-codec-mqtt): CONNECT, then QoS 1 PUBLISH
 * with packet ids and PUBACK bookkeeping. At most {@code maxInFlight} messages await their PUBACK; the
 * pacer checks {@link #hasRoom()} before handing it work. Publishing runs on the channel's event loop
 * only, so the packet-id table needs no lock. No reconnect: a lost connection is counted and stays lost
 * (the run's figures then say so).
 */
public final class MqttPublisher extends SimpleChannelInboundHandler<MqttMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(MqttPublisher.class);
    private static final MqttFixedHeader PUBLISH_QOS1 =
            new MqttFixedHeader(MqttMessageType.PUBLISH, false, MqttQoS.AT_LEAST_ONCE, false, 0);

    private final String clientId;
    private final String username;
    private final String password;
    private final int maxInFlight;
    private final LoadCounters counters;
    private final long[] sentAtNanos; // by packet id (1..length-1); 0 = free
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CompletableFuture<MqttPublisher> connected = new CompletableFuture<>();
    private int nextId = 1;
    private volatile Channel channel;
    private volatile boolean closing;

    MqttPublisher(String clientId, String username, String password, int maxInFlight, LoadCounters counters) {
        if (maxInFlight < 1 || maxInFlight > 65_000) {
            throw new IllegalArgumentException("in-flight window must be 1..65000, was " + maxInFlight);
        }
        this.clientId = clientId;
        this.username = username;
        this.password = password;
        this.maxInFlight = maxInFlight;
        this.counters = counters;
        // Ids from a range twice the window, not all 65,535: 5,000 connections x 512 KB would not fit a heap.
        this.sentAtNanos = new long[Math.min(65_536, 2 * maxInFlight + 2)];
    }

    /** Completes once the server accepted the CONNECT (CONNACK 0). */
    CompletableFuture<MqttPublisher> connected() {
        return connected;
    }

    /** Connected and fewer than the window's messages awaiting PUBACK. */
    boolean hasRoom() {
        Channel c = channel;
        return c != null && c.isActive() && inFlight.get() < maxInFlight;
    }

    Channel channel() {
        return channel;
    }

    /**
     * Writes (without flushing) one QoS 1 PUBLISH; event loop only, after {@link #hasRoom()} (so a packet id is
     * always free). The payload is released by the encoder.
     */
    void publish(String topic, ByteBuf payload) {
        int id = nextFreeId();
        sentAtNanos[id] = System.nanoTime();
        inFlight.incrementAndGet();
        counters.published.increment();
        // Not MqttMessageBuilders.publish(): it copies the payload and leaves ours unreleased.
        channel.write(new MqttPublishMessage(PUBLISH_QOS1, new MqttPublishVariableHeader(topic, id), payload),
                channel.voidPromise());
    }

    private int nextFreeId() {
        int last = sentAtNanos.length - 1;
        for (int tries = 0; tries < last; tries++) {
            int id = nextId;
            nextId = nextId == last ? 1 : nextId + 1;
            if (sentAtNanos[id] == 0) {
                return id;
            }
        }
        throw new IllegalStateException("no free MQTT packet id: " + last + " messages in flight");
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        MqttMessageBuilders.ConnectBuilder connect = MqttMessageBuilders.connect().clientId(clientId)
                .protocolVersion(MqttVersion.MQTT_3_1_1).cleanSession(true).keepAlive(300);
        if (!username.isEmpty()) {
            connect.hasUser(true).username(username).hasPassword(true).password(password.getBytes(StandardCharsets.UTF_8));
        }
        ctx.writeAndFlush(connect.build());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttMessage message) {
        if (message.decoderResult().isFailure()) {
            ctx.close();
            return;
        }
        MqttMessageType type = message.fixedHeader().messageType();
        if (type == MqttMessageType.CONNACK) {
            MqttConnectReturnCode code = ((MqttConnAckMessage) message).variableHeader().connectReturnCode();
            if (code == MqttConnectReturnCode.CONNECTION_ACCEPTED) {
                connected.complete(this);
            } else {
                counters.refusedConnects.increment();
                connected.completeExceptionally(new IllegalStateException("CONNECT of " + clientId + " refused: " + code));
                ctx.close();
            }
        } else if (type == MqttMessageType.PUBACK) {
            acknowledged(((MqttMessageIdVariableHeader) message.variableHeader()).messageId());
        }
    }

    private void acknowledged(int id) {
        long sent = id > 0 && id < sentAtNanos.length ? sentAtNanos[id] : 0;
        if (id <= 0 || id >= sentAtNanos.length || sent == 0) {
            return; // a duplicate or unknown PUBACK
        }
        sentAtNanos[id] = 0;
        inFlight.decrementAndGet();
        counters.acked.increment();
        counters.ackLatency.record((System.nanoTime() - sent) / 1_000_000);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        counters.unacknowledgedOnClose.add(inFlight.getAndSet(0));
        if (!connected.isDone()) {
            connected.completeExceptionally(new IllegalStateException("connection of " + clientId + " closed before CONNACK"));
        } else if (!closing) {
            counters.connectionsLost.increment();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("MQTT connection {} failed: {}", clientId, cause.toString());
        ctx.close();
    }

    /** Closes the connection (a normal end, not counted as lost). */
    void close() {
        closing = true;
        Channel c = channel;
        if (c != null) {
            c.close();
        }
    }

    int inFlight() {
        return inFlight.get();
    }
}
