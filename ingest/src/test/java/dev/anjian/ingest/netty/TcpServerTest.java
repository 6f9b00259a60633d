package dev.anjian.ingest.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** A real server on an ephemeral loopback port, spoken to through plain sockets. */
class TcpServerTest {

    private static final String LOOPBACK = "127.0.0.1";
    private static final int READ_GUARD_MILLIS = 10_000; // only so a broken close cannot hang the build

    @Test
    void servesOnTheBoundPortUntilClosedThenClosesEveryConnection() throws IOException {
        TcpServer server = TcpServer.start("echo", LOOPBACK, 0, 1, Echo::new);
        try (Socket client = connect(server.port())) {
            assertThat(server.port()).isPositive();
            assertThat(server.localAddress().toString()).contains(LOOPBACK + ":" + server.port());
            assertThat(echo(client, 42)).isEqualTo(42);

            server.close();

            assertThat(client.getInputStream().read()).as("end of stream once the server closed").isEqualTo(-1);
        } finally {
            server.close();
        }
    }

    @Test
    void stopAcceptingRefusesNewConnectionsAndKeepsTheOpenOnes() throws IOException {
        TcpServer server = TcpServer.start("echo", LOOPBACK, 0, 1, Echo::new);
        try (Socket client = connect(server.port())) {
            assertThat(echo(client, 1)).isEqualTo(1);

            server.stopAccepting();

            // the kernel lets go of the listening socket on the event loop's next turn, just after close returns
            await().until(() -> refused(server.port()));
            assertThat(echo(client, 7)).as("the open connection still served").isEqualTo(7);
        } finally {
            server.close();
        }
    }

    @Test
    void aTakenPortIsAnErrorNamingTheServerAndTheAddress() {
        try (TcpServer first = TcpServer.start("echo", LOOPBACK, 0, 1, Echo::new)) {
            assertThatThrownBy(() -> TcpServer.start("second echo", LOOPBACK, first.port(), 1, Echo::new))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("second echo cannot listen on " + LOOPBACK + ":" + first.port());
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket(LOOPBACK, port);
        socket.setSoTimeout(READ_GUARD_MILLIS);
        return socket;
    }

    private static boolean refused(int port) throws IOException {
        try (Socket ignored = connect(port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        }
    }

    private static int echo(Socket client, int value) throws IOException {
        client.getOutputStream().write(value);
        client.getOutputStream().flush();
        return client.getInputStream().read();
    }

    /** Joins each connection to the server's group and sends every byte back. */
    private static final class Echo extends ChannelInitializer<SocketChannel> {
        private final ChannelGroup connections;

        Echo(ChannelGroup connections) {
            this.connections = connections;
        }

        @Override
        protected void initChannel(SocketChannel channel) {
            connections.add(channel);
            channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    ctx.writeAndFlush((ByteBuf) msg);
                }
            });
        }
    }
}
