package dev.anjian.ingest.jt808;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** The pipeline of one terminal connection: idle timer, frame decoder, frame encoder, handler. */
final class Jt808ChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final GatewayContext gw;
    private final ChannelGroup channels;

    /** {@code channels} collects every connection, so that closing the server closes them all. */
    Jt808ChannelInitializer(GatewayContext gw, ChannelGroup channels) {
        this.gw = gw;
        this.channels = channels;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channels.add(channel);
        channel.pipeline()
                .addLast("idle", new IdleStateHandler(gw.settings().idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS))
                .addLast("frames", new Jt808FrameDecoder(gw.settings().maxFrameBytes()))
                .addLast("encoder", new Jt808Encoder())
                .addLast("handler", new Jt808Handler(gw));
    }
}
