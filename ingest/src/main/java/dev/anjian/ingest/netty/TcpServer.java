package dev.anjian.ingest.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The protocol-free part of a Netty TCP server: its event loops, the listening channel and the group of accepted
 * connections. The gateways put their protocol in the initializer and keep their own logging. Example:
 * {@code TcpServer.start("JT/T 808 gateway", "127.0.0.1", 0, 0, channels -> new Jt808ChannelInitializer(ctx,
 * channels))} listens on an ephemeral loopback port; {@link #close()} closes every connection and stops.
 */
public final class TcpServer implements AutoCloseable {

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ChannelGroup connections;
    private final Channel listener;

    private TcpServer(EventLoopGroup boss, EventLoopGroup workers, ChannelGroup connections, Channel listener) {
        this.boss = boss;
        this.workers = workers;
        this.connections = connections;
        this.listener = listener;
    }

    /**
     * Binds {@code host:port} (port 0: an ephemeral one) and returns once it listens. {@code initializer} is given
     * the group it must add each connection to, so that {@link #close()} closes them all. {@code workerThreads} 0
     * means Netty's default (twice the cores). {@code name} says whose server it is in errors.
     *
     * @throws IllegalStateException when the address cannot be bound or the caller is interrupted; nothing is
     *     left running then
     */
    public static TcpServer start(String name, String host, int port, int workerThreads,
            Function<ChannelGroup, ChannelInitializer<SocketChannel>> initializer) {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(workerThreads, NioIoHandler.newFactory());
        ChannelGroup connections = new DefaultChannelGroup(name, GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer.apply(connections));
        try {
            return new TcpServer(boss, workers, connections, bootstrap.bind(host, port).sync().channel());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopLoops(boss, workers);
            throw new IllegalStateException("interrupted while binding " + host + ":" + port, e);
        } catch (Exception e) { // sync() rethrows the bind failure as is: a checked BindException too
            stopLoops(boss, workers);
            throw new IllegalStateException(name + " cannot listen on " + host + ":" + port + ": " + e, e);
        }
    }

    public SocketAddress localAddress() {
        return listener.localAddress();
    }

    /** The port listened on (the ephemeral one when started with port 0). */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Accepts no new connection; open ones stay open (to say goodbye on them before {@link #close()}). */
    public void stopAccepting() {
        listener.close().awaitUninterruptibly();
    }

    /** Stops accepting, closes every connection (waiting up to 5 s) and stops the event loops. */
    @Override
    public void close() {
        stopAccepting();
        connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        stopLoops(boss, workers);
    }

    private static void stopLoops(EventLoopGroup boss, EventLoopGroup workers) {
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
