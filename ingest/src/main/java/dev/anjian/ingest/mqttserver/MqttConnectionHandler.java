package dev.anjian.ingest.mqttserver;

import dev.anjian.ingest.mqttserver.PendingAcks.Closing;
import dev.anjian.ingest.mqttserver.PendingAcks.Entry;
import dev.anjian.ingest.mqttserver.PublishRules.Readings;
import dev.anjian.ingest.mqttserver.PublishRules.Rejected;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodes.Disconnect;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A logged-in device's connection (after {@link MqttLoginHandler}): PUBLISH (QoS 0 and 1, {@link PublishRules}),
 * PINGREQ, DISCONNECT; SUBSCRIBE and UNSUBSCRIBE are answered with failures (devices only publish). A QoS 1
 * PUBACK goes out only once Kafka acknowledged every event of its message (or its dead letter), in arrival
 * order ({@link PendingAcks}). Anything else closes the connection (MQTT 5: after a DISCONNECT with the reason
 * code): a packet type a device does not send, a malformed or oversized packet (the oversized one is also
 * dead-lettered, without its bytes, which the decoder never buffered), 1.5 keep-alives of silence. A refusal
 * that ends the connection first lets the PUBACKs of earlier messages go out. The device is reported CONNECTED
 * when this handler takes over, and DISCONNECTED with the first reason its connection ends for
 * ({@link ConnectivitySession}).
 */
final class MqttConnectionHandler extends SimpleChannelInboundHandler<MqttMessage> implements LiveConnections.Connection {

    private static final Logger LOG = LoggerFactory.getLogger(MqttConnectionHandler.class);
    private static final int LOUD_REJECTIONS = 3;

    private final EndpointContext ep;
    private final PublishGrant grant;
    private final boolean mqtt5;
    private final int keepAliveSeconds;
    private final ConnectivitySession session;
    private final PendingAcks acks = new PendingAcks();
    private ChannelHandlerContext ctx;
    private ReadThrottle throttle;
    private boolean closing;
    private boolean flushScheduled;
    private int rejectionsLogged;

    MqttConnectionHandler(EndpointContext ep, PublishGrant grant, boolean mqtt5, int keepAliveSeconds) {
        this.ep = ep;
        this.grant = grant;
        this.mqtt5 = mqtt5;
        this.keepAliveSeconds = keepAliveSeconds;
        this.session = ep.connectivity().session(grant.deviceId());
    }

    /** Added to an active channel by the login handler: this is where the device's session starts. */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.throttle = new ReadThrottle(ctx.channel(), ep.settings().maxInFlight(), ep.counters());
        ep.connections().bind(this, "authenticated from " + origin() + ", MQTT " + (mqtt5 ? "5" : "3.1.1"));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        session.disconnected("connection closed by the device without DISCONNECT"); // unless it ended otherwise first
        ep.connections().unbind(this);
        LOG.info("device {} disconnected from {}: {}{}", grant.deviceId(), origin(), session.endReason(),
                acks.size() == 0 ? "" : "; " + acks.size() + " message(s) unacknowledged, the device sends them again");
        ctx.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttMessage message) {
        if (closing) {
            return; // read before reading stopped: neither used nor acknowledged, the device keeps it
        }
        if (message.decoderResult().isFailure()) {
            onUndecodable(message);
            return;
        }
        MqttMessageType type = message.fixedHeader().messageType();
        switch (type) {
            case PUBLISH -> onPublish((MqttPublishMessage) message);
            case PINGREQ -> ctx.writeAndFlush(MqttReplies.PINGRESP);
            case SUBSCRIBE -> ctx.writeAndFlush(MqttReplies.subscriptionsRefused((MqttSubscribeMessage) message, mqtt5));
            case UNSUBSCRIBE -> ctx.writeAndFlush(MqttReplies.unsubAck((MqttUnsubscribeMessage) message, mqtt5));
            case DISCONNECT -> {
                session.disconnected(ConnectivityReasons.disconnectPacket(message, mqtt5));
                ctx.close();
            }
            default -> violation(Disconnect.PROTOCOL_ERROR, type + " is not a packet a publishing device sends");
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            ep.counters().keepAliveTimeout();
            closeNow(Disconnect.KEEP_ALIVE_TIMEOUT, ConnectivityReasons.keepAliveExpired(keepAliveSeconds));
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("MQTT connection of device {} failed: {}", grant.deviceId(), cause.toString());
        } else {
            LOG.warn("MQTT connection of device {} failed; closing it", grant.deviceId(), cause);
        }
        session.disconnected(ConnectivityReasons.failure(cause));
        ctx.close();
    }

    // ------------------------------------------------------------------ LiveConnections.Connection (any thread)

    @Override
    public String deviceId() {
        return grant.deviceId();
    }

    @Override
    public String origin() {
        return String.valueOf(ctx.channel().remoteAddress());
    }

    @Override
    public ConnectivitySession session() {
        return session;
    }

    @Override
    public void disconnect(Disconnect reasonCode, String reason) {
        ctx.executor().execute(() -> closeNow(reasonCode, reason));
    }

    // ------------------------------------------------------------------ PUBLISH

    private void onPublish(MqttPublishMessage publish) {
        ep.counters().message();
        long receivedAt = ep.clock().millis();
        String topic = publish.variableHeader().topicName();
        MqttQoS qos = publish.fixedHeader().qosLevel();
        byte[] payload = ByteBufUtil.getBytes(publish.payload());
        if (publish.fixedHeader().isRetain() && ep.retainLogged().compareAndSet(false, true)) {
            LOG.info("device {} published with the retain flag: ignored, the endpoint keeps no retained messages"
                    + " (logged once)", grant.deviceId());
        }
        int packetId = qos == MqttQoS.AT_LEAST_ONCE ? publish.variableHeader().packetId() : PendingAcks.NO_PUBACK;
        PublishRules.Outcome outcome = PublishRules.triage(grant, topic, qos, payload, receivedAt, mqtt5,
                ep.settings().maxPayloadBytes());
        if (outcome instanceof Readings readings) {
            CompletableFuture<Void> sent = session.whileConnected(() -> ep.lane().publish(readings.events(), this::isOpen));
            if (sent == null) { // ended from another thread (taken over, removed): closing, like a read after closing
                LOG.debug("device {}: PUBLISH after the connection ended ({}): neither used nor acknowledged",
                        grant.deviceId(), session.endReason());
                stopReading();
                return;
            }
            track(sent, packetId == PendingAcks.NO_PUBACK ? null : acks.arrived(packetId, (byte) 0, null));
            return;
        }
        Rejected rejected = (Rejected) outcome;
        if (rejected.unauthorized()) {
            ep.counters().unauthorizedOne();
        }
        CompletableFuture<Void> deadLettered = deadLetter(topic, rejected.reason(), payload, receivedAt);
        Entry entry = null;
        if (rejected.closing() != null) {
            stopReading();
            entry = acks.arrived(PendingAcks.NO_PUBACK, (byte) 0, rejected.closing());
        } else if (packetId != PendingAcks.NO_PUBACK) {
            entry = acks.arrived(packetId, rejected.pubAckReason(), null);
        }
        track(deadLettered, entry);
    }

    private CompletableFuture<Void> deadLetter(String origin, String reason, byte[] raw, long receivedAt) {
        return ep.deadLetters().send(grant.deviceId(), origin, reason, raw, receivedAt, this::isOpen,
                rejectionsLogged++ < LOUD_REJECTIONS);
    }

    /** Counts the message against the read limit until Kafka is done with it, then releases the acks now due. */
    private void track(CompletableFuture<Void> kafka, Entry entry) {
        throttle.sent();
        kafka.whenComplete((ok, error) -> {
            try {
                ctx.executor().execute(() -> {
                    throttle.done();
                    if (error == null && entry != null) {
                        release(acks.done(entry));
                    }
                });
            } catch (RejectedExecutionException e) {
                LOG.debug("endpoint stopped before Kafka answered for device {}", grant.deviceId());
            }
        });
    }

    private void release(List<Entry> due) {
        for (Entry entry : due) {
            if (entry.sendsPubAck()) {
                ctx.write(MqttReplies.pubAck(entry.packetId, entry.reasonCode, mqtt5));
                ep.counters().ackedOne();
            }
            if (entry.closing != null) {
                closeNow(entry.closing.reasonCode(), entry.closing.reason());
                return;
            }
        }
        if (!due.isEmpty() && !flushScheduled) {
            // Kafka confirms in batches, each confirmation a task of its own: one flush after the queued ones.
            flushScheduled = true;
            ctx.executor().execute(() -> {
                flushScheduled = false;
                ctx.flush();
            });
        }
    }

    // ------------------------------------------------------------------ bad input and closing

    private void onUndecodable(MqttMessage message) {
        Throwable cause = message.decoderResult().cause();
        if (!(cause instanceof TooLongFrameException)) {
            violation(Disconnect.MALFORMED_PACKET, "malformed packet: " + cause.getMessage());
            return;
        }
        ep.counters().protocolError();
        ep.counters().oversizedOne();
        String topic = message.variableHeader() instanceof MqttPublishVariableHeader header ? header.topicName() : null;
        String reason = DeadLetters.oversized(message.fixedHeader(), ep.settings().maxPacketRemainingBytes());
        stopReading();
        Entry closes = acks.arrived(PendingAcks.NO_PUBACK, (byte) 0, new Closing(Disconnect.PACKET_TOO_LARGE, reason));
        String origin = topic != null ? topic : String.valueOf(ctx.channel().remoteAddress());
        track(deadLetter(origin, reason, new byte[0], ep.clock().millis()), closes);
    }

    /** A protocol violation: closes once the earlier messages are acknowledged. */
    private void violation(Disconnect reasonCode, String reason) {
        ep.counters().protocolError();
        ep.protocolErrors().warn("MQTT endpoint: device " + grant.deviceId() + " from " + ctx.channel().remoteAddress()
                + ": " + reason + "; closing the connection");
        stopReading();
        release(acks.done(acks.arrived(PendingAcks.NO_PUBACK, (byte) 0, new Closing(reasonCode, reason))));
    }

    private void stopReading() {
        closing = true;
        throttle.stop();
    }

    /** Ends the connection now; MQTT 5 clients get a DISCONNECT saying why. Earlier writes go out first. */
    private void closeNow(Disconnect reasonCode, String reason) {
        if (!ctx.channel().isActive()) {
            return;
        }
        stopReading();
        session.disconnected(reason);
        Object last = mqtt5 ? MqttReplies.disconnect(reasonCode) : Unpooled.EMPTY_BUFFER;
        ctx.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
    }

    private boolean isOpen() {
        return ctx.channel().isActive();
    }
}
