package dev.anjian.simulator.vehicle;

import dev.anjian.ingest.jt808.codec.BodyCodec;
import dev.anjian.ingest.jt808.codec.Decoded;
import dev.anjian.ingest.jt808.codec.FrameCodec;
import dev.anjian.ingest.jt808.codec.FrameResult;
import dev.anjian.ingest.jt808.codec.Header;
import dev.anjian.ingest.jt808.message.Jt808Message;
import dev.anjian.ingest.jt808.message.LocationBatch;
import dev.anjian.ingest.jt808.message.LocationReport;
import dev.anjian.ingest.jt808.message.MessageIds;
import dev.anjian.ingest.jt808.message.PlatformResponse;
import dev.anjian.ingest.jt808.message.RegisterResponse;
import dev.anjian.ingest.jt808.message.TerminalAuth;
import dev.anjian.ingest.jt808.message.TerminalHeartbeat;
import dev.anjian.ingest.jt808.message.TerminalRegister;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated JT/T 808 terminal over real TCP: registers once (keeps its auth code), authenticates after
 * every connect, reports its {@link Drive} every tick and heartbeats; while cut off it stores its reports
 * and after reconnecting re-sends them as 0x0704 type 1 (blind area) batches before anything else.
 * Runs on one Netty event loop thread, so its state needs no locks.
 */
final class SimulatedTerminal {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedTerminal.class);
    /** Reports per 0x0704: 25 x (2 + 28) bytes stays well under the 1023-byte body limit. */
    private static final int BATCH_SIZE = 25;

    record Vehicle(String deviceId, String phone, String plate, int plateColor, int speedLimitKmh, int index) {
    }

    private final Vehicle vehicle;
    private final boolean v2019;
    private final Drive drive;
    private final Bootstrap bootstrap;
    private final FleetStats stats;
    private final List<LocationReport> stored = new ArrayList<>();
    private Channel channel;
    private String authCode;
    private boolean authenticated;
    private boolean everAuthenticated;
    private boolean cutOff;
    private int serial;

    SimulatedTerminal(Vehicle vehicle, boolean v2019, Drive drive, Bootstrap bootstrap, FleetStats stats) {
        this.vehicle = vehicle;
        this.v2019 = v2019;
        this.drive = drive;
        this.bootstrap = bootstrap;
        this.stats = stats;
    }

    void connect() {
        cutOff = false;
        bootstrap.clone().handler(new Pipeline(this)).connect().addListener(f -> {
            if (!f.isSuccess()) {
                LOG.warn("terminal {} cannot connect: {}", vehicle.phone(), f.cause().toString());
            }
        });
    }

    /** Cuts the link as a tunnel would: reports are stored until {@link #connect()}. */
    void cutOff() {
        cutOff = true;
        if (channel != null) {
            channel.close();
        }
    }

    void tick(long secondsSinceStart, long epochMillis) {
        if (!everAuthenticated) {
            return; // the terminal starts reporting once it is first online
        }
        LocationReport report = drive.at(secondsSinceStart, epochMillis);
        if (cutOff || !authenticated) {
            stored.add(report);
            return;
        }
        send(report);
        stats.reportsSent.increment();
    }

    void heartbeat() {
        if (authenticated && !cutOff) {
            send(new TerminalHeartbeat());
        }
    }

    void onActive(Channel ch) {
        channel = ch;
        stats.connects.increment();
        if (authCode == null) {
            send(new TerminalRegister(41, 100, "ANJIA", "SIM-808", "T" + vehicle.index(), vehicle.plateColor(), vehicle.plate()));
        } else {
            send(new TerminalAuth(authCode, "86000000" + String.format("%07d", vehicle.index()), "sim-1.0"));
        }
    }

    void onInactive() {
        authenticated = false;
        channel = null;
    }

    void onMessage(Jt808Message message) {
        if (message instanceof RegisterResponse r) {
            if (r.result() != RegisterResponse.OK) {
                stats.refusals.increment();
                LOG.warn("terminal {} registration refused with result {}", vehicle.phone(), r.result());
                return;
            }
            authCode = r.authCode();
            send(new TerminalAuth(authCode, "86000000" + String.format("%07d", vehicle.index()), "sim-1.0"));
        } else if (message instanceof PlatformResponse r) {
            onResponse(r);
        }
    }

    private void onResponse(PlatformResponse r) {
        if (r.result() != PlatformResponse.OK) {
            stats.refusals.increment();
            return;
        }
        switch (r.replyMessageId()) {
            case MessageIds.AUTH -> {
                authenticated = true;
                everAuthenticated = true;
                stats.authenticated.increment();
                resendStored();
            }
            case MessageIds.LOCATION -> stats.reportsAcked.increment();
            case MessageIds.LOCATION_BATCH -> stats.backfillBatches.increment();
            default -> { }
        }
    }

    private void resendStored() {
        for (int from = 0; from < stored.size(); from += BATCH_SIZE) {
            List<LocationReport> chunk = stored.subList(from, Math.min(stored.size(), from + BATCH_SIZE));
            send(new LocationBatch(LocationBatch.BLIND_AREA, chunk));
        }
        stored.clear();
    }

    private void send(Jt808Message message) {
        if (channel == null) {
            return;
        }
        Header header = Header.of(message.messageId(), vehicle.phone(), serial++, v2019);
        channel.writeAndFlush(Unpooled.wrappedBuffer(FrameCodec.encode(header, BodyCodec.encode(message, v2019))));
    }

    /** The Netty side of one connection: 0x7E-delimited frames in, decoded by the ingest codec. */
    private static final class Pipeline extends io.netty.channel.ChannelInitializer<Channel> {
        private final SimulatedTerminal terminal;

        Pipeline(SimulatedTerminal terminal) {
            this.terminal = terminal;
        }

        @Override
        protected void initChannel(Channel ch) {
            ch.pipeline().addLast(new io.netty.handler.codec.DelimiterBasedFrameDecoder(4096,
                    Unpooled.wrappedBuffer(new byte[] {0x7E})), new Inbound(terminal));
        }
    }

    private static final class Inbound extends SimpleChannelInboundHandler<ByteBuf> {
        private final SimulatedTerminal terminal;

        Inbound(SimulatedTerminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            terminal.onActive(ctx.channel());
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            terminal.onInactive();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf content) {
            if (!content.isReadable()) {
                return; // between two adjacent delimiters
            }
            byte[] raw = new byte[content.readableBytes() + 2];
            raw[0] = 0x7E;
            content.readBytes(raw, 1, raw.length - 2);
            raw[raw.length - 1] = 0x7E;
            if (FrameCodec.decode(raw) instanceof FrameResult.Frame frame
                    && BodyCodec.decode(frame.header(), frame.body()) instanceof Decoded.Message m) {
                terminal.onMessage(m.message());
            } else {
                LOG.warn("terminal {} got an undecodable frame", terminal.vehicle.phone());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("terminal {} connection failed: {}", terminal.vehicle.phone(), cause.toString());
            ctx.close();
        }
    }
}
