package dev.anjian.ingest.mqttserver;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline of one device connection: MQTT decoder (packets up to mqtt.max-payload-bytes plus header room;
 * a larger one is discarded unread and reported as a failed decode), encoder, {@link MqttLoginHandler}, which
 * on a good CONNECT adds the keep-alive timer and hands over to {@link MqttConnectionHandler}. Beyond
 * mqtt-endpoint.max-connections a new connection is closed at once.
 */
final class MqttEndpointInitializer extends ChannelInitializer<SocketChannel> {

    private static final Logger LOG = LoggerFactory.getLogger(MqttEndpointInitializer.class);

    private final EndpointContext ep;
    private final ChannelGroup channels;
    private final AtomicInteger open = new AtomicInteger();
    private final RateLimitedLog overLimit = new RateLimitedLog(LOG, 10_000);

    /** {@code channels} collects every connection, so that closing the server closes them all. */
    MqttEndpointInitializer(EndpointContext ep, ChannelGroup channels) {
        this.ep = ep;
        this.channels = channels;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (open.incrementAndGet() > ep.settings().maxConnections()) {
            open.decrementAndGet();
            ep.counters().connectionOverLimit();
            overLimit.warn("MQTT endpoint: connection from " + channel.remoteAddress() + " closed: "
                    + ep.settings().maxConnections() + " connections open (mqtt-endpoint.max-connections)");
            channel.close();
            return;
        }
        ep.counters().connectionOpened();
        channel.closeFuture().addListener(closed -> {
            open.decrementAndGet();
            ep.counters().connectionClosed();
        });
        channels.add(channel);
        channel.pipeline()
                .addLast("decoder", new MqttDecoder(ep.settings().maxPacketRemainingBytes()))
                .addLast("encoder", MqttEncoder.INSTANCE)
                .addLast("login", new MqttLoginHandler(ep));
    }
}
