package dev.anjian.ingest.mqttserver;

import dev.anjian.ingest.mqttserver.ConnectDecision.Accept;
import dev.anjian.ingest.mqttserver.ConnectDecision.Refuse;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttIdentifierRejectedException;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first phase of a connection: the first packet must be a CONNECT and arrive within
 * mqtt-endpoint.connect-timeout. {@link ConnectDecision} accepts it (CONNACK, the keep-alive timer, and
 * {@link MqttConnectionHandler} takes over the connection) or refuses it (a refusing CONNACK, then close).
 * Silence, garbage or any other packet first: closed at once, as there is nobody to answer yet; counted and
 * logged at a rate-limited level, as are refused logins, so that neither can flood the log.
 */
final class MqttLoginHandler extends SimpleChannelInboundHandler<MqttMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(MqttLoginHandler.class);

    private final EndpointContext ep;
    private ScheduledFuture<?> connectTimer;
    private boolean decided;

    MqttLoginHandler(EndpointContext ep) {
        this.ep = ep;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        connectTimer = ctx.executor().schedule(() -> protocolError(ctx, "no CONNECT within "
                + ep.settings().connectTimeout()), ep.settings().connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connectTimer.cancel(false);
        ctx.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttMessage message) {
        if (decided) {
            return; // refused and closing
        }
        Throwable undecodable = message.decoderResult().cause();
        if (undecodable instanceof MqttUnacceptableProtocolVersionException) {
            refuse(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION, undecodable.getMessage());
        } else if (undecodable instanceof MqttIdentifierRejectedException) {
            refuse(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED, undecodable.getMessage());
        } else if (undecodable != null) {
            protocolError(ctx, "not an MQTT CONNECT: " + undecodable.getMessage());
        } else if (message.fixedHeader().messageType() != MqttMessageType.CONNECT) {
            protocolError(ctx, "the first packet must be CONNECT, was " + message.fixedHeader().messageType());
        } else {
            onConnect(ctx, (MqttConnectMessage) message);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("MQTT connection {} failed before CONNECT: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    private void onConnect(ChannelHandlerContext ctx, MqttConnectMessage connect) {
        ConnectDecision.Outcome outcome = ConnectDecision.decide(connect, ep.authenticator(),
                (int) ep.settings().keepAliveMax().toSeconds());
        if (outcome instanceof Refuse refuse) {
            refuse(ctx, refuse.code(), refuse.reason());
            return;
        }
        Accept accept = (Accept) outcome;
        decided = true;
        connectTimer.cancel(false);
        ep.counters().connectAccepted();
        ctx.pipeline().addFirst("keep-alive",
                new IdleStateHandler(accept.keepAliveSeconds() * 1500L, 0, 0, TimeUnit.MILLISECONDS));
        ctx.writeAndFlush(accept.mqtt5() ? MqttReplies.accepted5(ep.settings().maxInFlight(),
                ep.settings().maxPacketRemainingBytes() + 5L, accept.serverKeepAlive(), accept.assignedClientId())
                : MqttReplies.accepted3());
        PublishGrant grant = PublishGrant.of(accept.device());
        ctx.pipeline().replace(this, "connection", new MqttConnectionHandler(ep, grant, accept.mqtt5(),
                accept.keepAliveSeconds()));
        LOG.info("device {} connected from {} (MQTT {}, keep-alive {} s{})", grant.deviceId(),
                ctx.channel().remoteAddress(), accept.mqtt5() ? "5" : "3.1.1", accept.keepAliveSeconds(),
                connect.variableHeader().isWillFlag() ? ", will message ignored" : "");
    }

    private void refuse(ChannelHandlerContext ctx, MqttConnectReturnCode code, String reason) {
        decided = true;
        ep.counters().connectRefused();
        ep.refusals().warn("MQTT endpoint refused a CONNECT from " + ctx.channel().remoteAddress() + ": " + reason
                + " (CONNACK " + code + ")");
        ctx.channel().config().setAutoRead(false);
        ctx.writeAndFlush(MqttReplies.refused(code)).addListener(ChannelFutureListener.CLOSE);
    }

    private void protocolError(ChannelHandlerContext ctx, String reason) {
        if (decided) {
            return;
        }
        decided = true;
        ep.counters().protocolError();
        ep.protocolErrors().warn("MQTT endpoint: " + ctx.channel().remoteAddress() + ": " + reason
                + "; closing the connection");
        ctx.close();
    }
}
