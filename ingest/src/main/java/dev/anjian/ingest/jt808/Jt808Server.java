package dev.anjian.ingest.jt808;

import dev.anjian.ingest.kafka.EventPublisher;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JT/T 808 TCP server (2013 and 2019 terminals on one port): vehicle events and connectivity events to
 * device-events, refused input to dead-letter, through the shared {@link EventPublisher} (which the caller
 * owns and closes after this server). Usage: {@code new Jt808Server(settings, publisher, terminals).start()},
 * then {@link #port()}; {@link #close()} closes every connection (each reports DISCONNECTED) and stops.
 */
public final class Jt808Server implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Jt808Server.class);

    private final Jt808Settings settings;
    private final GatewayContext context;
    private final PublishLane lane;
    private final ChannelGroup channels = new DefaultChannelGroup("jt808", GlobalEventExecutor.INSTANCE);
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel serverChannel;

    public Jt808Server(Jt808Settings settings, EventPublisher publisher, KnownTerminals terminals) {
        this(settings, publisher, terminals, Clock.systemUTC());
    }

    public Jt808Server(Jt808Settings settings, EventPublisher publisher, KnownTerminals terminals, Clock clock) {
        this.settings = settings;
        this.lane = new PublishLane(publisher);
        Jt808Counters counters = new Jt808Counters();
        this.context = new GatewayContext(settings, lane, new Admission(terminals, new AuthCodes(settings.authSecret())),
                new Sessions(), counters, new Rejections(lane, counters, clock), clock);
    }

    /** Binds and returns once the port is listening. */
    public Jt808Server start() {
        if (Jt808Settings.DEMO_AUTH_SECRET.equals(settings.authSecret())) {
            LOG.warn("jt808.auth-secret is the demo default: anyone who knows it can compute auth codes; set your own");
        }
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(settings.workerThreads(), NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new Jt808ChannelInitializer(context, channels));
        try {
            serverChannel = bootstrap.bind(settings.bind(), settings.port()).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while binding " + settings.bind() + ":" + settings.port(), e);
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("cannot listen on " + settings.bind() + ":" + settings.port() + ": " + e, e);
        }
        LOG.info("JT/T 808 gateway '{}' listening on {} (2013 and 2019), idle timeout {}", settings.gatewayId(),
                serverChannel.localAddress(), settings.idleTimeout());
        return this;
    }

    /** The port listened on (the ephemeral one when jt808.port is 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public Jt808Counters counters() {
        return context.counters();
    }

    /** Authenticated terminals connected now. */
    public Sessions sessions() {
        return context.sessions();
    }

    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
        }
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        if (workers != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
        lane.close();
        LOG.info("JT/T 808 gateway '{}' stopped: {}", settings.gatewayId(), context.counters());
    }
}
