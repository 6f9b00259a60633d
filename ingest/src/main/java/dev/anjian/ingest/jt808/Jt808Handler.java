package dev.anjian.ingest.jt808;

import dev.anjian.events.Connectivity;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.ingest.jt808.codec.BadInput;
import dev.anjian.ingest.jt808.codec.BodyCodec;
import dev.anjian.ingest.jt808.codec.Decoded;
import dev.anjian.ingest.jt808.codec.FrameResult;
import dev.anjian.ingest.jt808.codec.FrameResult.BadFrame;
import dev.anjian.ingest.jt808.codec.FrameResult.Frame;
import dev.anjian.ingest.jt808.codec.Header;
import dev.anjian.ingest.jt808.codec.Jt808Time;
import dev.anjian.ingest.jt808.codec.Subpackages;
import dev.anjian.ingest.jt808.message.Jt808Message;
import dev.anjian.ingest.jt808.message.LocationBatch;
import dev.anjian.ingest.jt808.message.LocationReport;
import dev.anjian.ingest.jt808.message.PlatformResponse;
import dev.anjian.ingest.jt808.message.RegisterResponse;
import dev.anjian.ingest.jt808.message.TerminalAuth;
import dev.anjian.ingest.jt808.message.TerminalHeartbeat;
import dev.anjian.ingest.jt808.message.TerminalLogout;
import dev.anjian.ingest.jt808.message.TerminalRegister;
import dev.anjian.ingest.jt808.message.TerminalResponse;
import dev.anjian.ingest.jt808.message.TimeQuery;
import dev.anjian.ingest.jt808.message.TimeQueryResponse;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One terminal connection: session, replies and the bad-input policy. Policy: bad checksum or length
 * mismatch with a readable header -> 0x8001 result 2 (the terminal resends); malformed body -> result 2;
 * unknown or encrypted message -> result 3; anything but register/auth before auth -> result 1; bad escape,
 * truncated frames and bytes outside frames -> no reply (no header to trust); oversized frame, or
 * jt808.max-bad-frames invalid frames in a row -> close. Each refusal is dead-lettered via {@link Rejections}.
 * A location report (0x0200, 0x0704) is acknowledged only once Kafka acknowledged its events.
 */
final class Jt808Handler extends SimpleChannelInboundHandler<FrameResult> {

    private static final Logger LOG = LoggerFactory.getLogger(Jt808Handler.class);
    private static final int LOUD_REJECTIONS = 3;

    private final GatewayContext gw;
    private final Subpackages subpackages;
    private ChannelHandlerContext ctx;
    private FlowControl flow;
    private TerminalSession session;
    private String lastTerminalKey = "";
    private String closeReason = "connection closed by the terminal";
    private int serial;
    private int badInARow;
    private int rejectionsLogged;
    private boolean tickScheduled;

    Jt808Handler(GatewayContext gw) {
        this.gw = gw;
        Jt808Settings s = gw.settings();
        this.subpackages = new Subpackages(s.maxPendingMessages(), s.maxSubpackages(), s.subpackageTimeout().toMillis());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.flow = new FlowControl(ctx.channel(), gw.settings().maxInFlight(), gw.counters());
        gw.counters().connectionOpened();
        LOG.debug("connection from {}", ctx.channel().remoteAddress());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        gw.counters().connectionClosed();
        if (session != null) {
            gw.sessions().unbind(session);
            if (session.claimDisconnect()) {
                connectivity(session.deviceId(), Connectivity.State.DISCONNECTED, closeReason);
            }
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            close("idle timeout: nothing received for " + gw.settings().idleTimeout());
            gw.counters().countIdleClosed();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection {} failed: {}", origin(), cause.toString());
        close("connection error: " + cause.getMessage());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FrameResult result) {
        gw.counters().frame();
        try {
            if (result instanceof BadFrame bad) {
                onBadFrame(bad);
            } else {
                onFrame((Frame) result);
            }
        } catch (RuntimeException e) {
            // A bug must cost one frame, not the connection or the event loop.
            LOG.error("{}: unexpected failure handling a frame; frame dead-lettered", origin(), e);
            reject(BadInput.MALFORMED_BODY, "gateway failure: " + e, result.raw());
        }
    }

    private void onBadFrame(BadFrame bad) {
        if (bad.header() != null) {
            lastTerminalKey = bad.header().terminalKey();
        }
        reject(bad.reason(), bad.detail(), bad.raw());
        if (bad.header() != null && (bad.reason() == BadInput.BAD_CHECKSUM || bad.reason() == BadInput.LENGTH_MISMATCH)) {
            respond(bad.header(), PlatformResponse.BAD_MESSAGE);
        }
        if (bad.reason() == BadInput.OVERSIZED) {
            close("oversized frame: frame boundaries lost");
        } else if (++badInARow >= gw.settings().maxBadFrames()) {
            close(badInARow + " invalid frames in a row");
        }
    }

    private void onFrame(Frame frame) {
        badInARow = 0;
        lastTerminalKey = frame.header().terminalKey();
        if (!frame.header().subpackaged()) {
            onMessage(frame);
            return;
        }
        Subpackages.Offer offer = subpackages.offer(frame, gw.clock().millis());
        if (offer instanceof Subpackages.Complete complete) {
            onMessage(complete.frame());
        } else if (offer instanceof Subpackages.Refused refused) {
            reject(BadInput.INCOMPLETE_SUBPACKAGES, refused.detail(), frame.raw());
            respond(frame.header(), PlatformResponse.BAD_MESSAGE);
        } else {
            scheduleSubpackageTick();
        }
    }

    private void onMessage(Frame frame) {
        Decoded decoded = BodyCodec.decode(frame.header(), frame.body());
        if (decoded instanceof Decoded.Rejected rejected) {
            reject(rejected.reason(), rejected.detail(), frame.raw());
            respond(frame.header(), rejected.reason() == BadInput.UNSUPPORTED_MESSAGE
                    ? PlatformResponse.UNSUPPORTED : PlatformResponse.BAD_MESSAGE);
            return;
        }
        dispatch(frame.header(), ((Decoded.Message) decoded).message(), frame.raw());
    }

    private void dispatch(Header h, Jt808Message message, byte[] raw) {
        if (message instanceof TerminalRegister register) {
            onRegister(h, register, raw);
        } else if (message instanceof TerminalAuth auth) {
            onAuth(h, auth, raw);
        } else if (session == null || !session.terminalKey().equals(h.terminalKey())) {
            reject(BadInput.NOT_AUTHENTICATED, "message " + String.format("0x%04X", h.messageId())
                    + " from terminal " + h.terminalKey() + " before a successful auth on this connection", raw);
            respond(h, PlatformResponse.FAILURE);
        } else if (message instanceof TerminalHeartbeat) {
            respond(h, PlatformResponse.OK);
        } else if (message instanceof LocationReport report) {
            publishLocations(h, List.of(report), false, raw);
        } else if (message instanceof LocationBatch batch) {
            publishLocations(h, batch.reports(), batch.blindAreaResend(), raw);
        } else if (message instanceof TimeQuery) {
            reply(h, new TimeQueryResponse(Jt808Time.fromEpochMillis(gw.clock().millis())));
        } else if (message instanceof TerminalLogout) {
            closeReason = "logout";
            reply(h, new PlatformResponse(h.serial(), h.messageId(), PlatformResponse.OK))
                    .addListener(ChannelFutureListener.CLOSE);
        } else if (message instanceof TerminalResponse response) {
            LOG.debug("{} answered {} with result {}", origin(), response.replyMessageId(), response.result());
        } else {
            reject(BadInput.UNSUPPORTED_MESSAGE, "platform message " + String.format("0x%04X", h.messageId())
                    + " sent by a terminal", raw);
            respond(h, PlatformResponse.UNSUPPORTED);
        }
    }

    private void onRegister(Header h, TerminalRegister register, byte[] raw) {
        RegisterResponse response = gw.admission().register(h.terminalKey(), h.serial(), register);
        reply(h, response);
        if (response.result() != RegisterResponse.OK) {
            reject(BadInput.REFUSED_TERMINAL, "registration of terminal " + h.terminalKey() + " plate "
                    + register.plateNumber() + " refused with 0x8100 result " + response.result(), raw);
        }
    }

    private void onAuth(Header h, TerminalAuth auth, byte[] raw) {
        Optional<Device> device = gw.admission().authenticate(h.terminalKey(), auth.authCode());
        if (device.isEmpty()) {
            respond(h, PlatformResponse.FAILURE);
            reject(BadInput.REFUSED_TERMINAL, "auth of terminal " + h.terminalKey()
                    + " failed: unknown terminal or wrong auth code", raw);
            return;
        }
        if (session == null || !session.terminalKey().equals(h.terminalKey())) {
            startSession(h.terminalKey(), device.get().deviceId());
        }
        respond(h, PlatformResponse.OK);
    }

    private void startSession(String terminalKey, String deviceId) {
        if (session != null) {
            endSession(session, "another terminal authenticated on the same connection");
        }
        TerminalSession fresh = new TerminalSession(terminalKey, deviceId, ctx.channel());
        gw.sessions().bind(fresh).ifPresent(old -> {
            gw.counters().sessionReplaced();
            endSession(old, "replaced by a new connection from " + ctx.channel().remoteAddress());
            old.channel().close();
        });
        session = fresh;
        connectivity(deviceId, Connectivity.State.CONNECTED, "authenticated from " + ctx.channel().remoteAddress());
        LOG.info("terminal {} ({}) authenticated from {}", terminalKey, deviceId, ctx.channel().remoteAddress());
    }

    private void endSession(TerminalSession ended, String reason) {
        gw.sessions().unbind(ended);
        if (ended.claimDisconnect()) {
            connectivity(ended.deviceId(), Connectivity.State.DISCONNECTED, reason);
        }
    }

    private void publishLocations(Header h, List<LocationReport> reports, boolean backfilled, byte[] raw) {
        long receivedAt = gw.clock().millis();
        List<DeviceEvent> events = new ArrayList<>(reports.size());
        try {
            for (LocationReport report : reports) {
                events.add(LocationMapper.toEvent(session.deviceId(), report, receivedAt, backfilled));
            }
        } catch (IllegalArgumentException e) {
            reject(BadInput.MALFORMED_BODY, String.format("0x%04X: %s", h.messageId(), e.getMessage()), raw);
            respond(h, PlatformResponse.BAD_MESSAGE);
            return;
        }
        CompletableFuture<?>[] sends = events.stream().map(gw.lane()::publish).toArray(CompletableFuture[]::new);
        flow.sent();
        CompletableFuture.allOf(sends).whenComplete((ok, error) -> ctx.executor().execute(() -> {
            flow.acknowledged();
            if (error == null) {
                gw.counters().locationsAcked(events.size());
                respond(h, PlatformResponse.OK);
            } else {
                // No 0x8001: the terminal keeps the report and sends it again (808 §6.1); nothing is lost.
                gw.counters().publishFailed();
                LOG.warn("{}: {} location event(s) not acknowledged by Kafka, no 0x8001 sent: {}",
                        origin(), events.size(), error.toString());
            }
        }));
    }

    private void scheduleSubpackageTick() {
        if (tickScheduled) {
            return;
        }
        tickScheduled = true;
        ctx.executor().schedule(() -> {
            tickScheduled = false;
            for (Subpackages.Overdue overdue : subpackages.overdue(gw.clock().millis())) {
                if (overdue.request() != null) {
                    reply(overdue.firstHeader(), overdue.request());
                } else {
                    reject(BadInput.INCOMPLETE_SUBPACKAGES, overdue.detail(), overdue.raw());
                }
            }
            if (subpackages.pendingCount() > 0 && ctx.channel().isActive()) {
                scheduleSubpackageTick();
            }
        }, gw.settings().subpackageTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void connectivity(String deviceId, Connectivity.State state, String reason) {
        DeviceEvent event = DeviceEvent.connectivity(deviceId, gw.clock().millis(),
                new Connectivity(state, gw.settings().gatewayId(), reason));
        gw.lane().publish(event).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("{} event of {} ({}) not written to Kafka: {}", state, deviceId, reason, error.toString());
            }
        });
    }

    private void respond(Header h, int result) {
        reply(h, new PlatformResponse(h.serial(), h.messageId(), result));
    }

    private io.netty.channel.ChannelFuture reply(Header to, Jt808Message message) {
        return ctx.writeAndFlush(new Outbound(Header.replyTo(to, message.messageId(), serial++), message));
    }

    private void reject(BadInput reason, String detail, byte[] raw) {
        gw.rejections().reject(origin(), reason, detail, raw, rejectionsLogged++ < LOUD_REJECTIONS);
    }

    private void close(String reason) {
        closeReason = reason;
        ctx.close();
    }

    private String origin() {
        String address = ctx == null ? "?" : String.valueOf(ctx.channel().remoteAddress());
        return lastTerminalKey.isEmpty() ? address : address + " terminal " + lastTerminalKey;
    }
}
