package dev.anjian.ingest.jt808;

import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An authenticated terminal on one connection. The disconnect of a session is reported exactly once,
 * by whoever ends it first: the connection closing, or a newer connection of the same terminal replacing it.
 */
public final class TerminalSession {

    private final String terminalKey;
    private final String deviceId;
    private final Channel channel;
    private final AtomicBoolean disconnectClaimed = new AtomicBoolean();

    TerminalSession(String terminalKey, String deviceId, Channel channel) {
        this.terminalKey = terminalKey;
        this.deviceId = deviceId;
        this.channel = channel;
    }

    public String terminalKey() {
        return terminalKey;
    }

    public String deviceId() {
        return deviceId;
    }

    public Channel channel() {
        return channel;
    }

    /** True for the one caller that gets to report this session's disconnect. */
    boolean claimDisconnect() {
        return disconnectClaimed.compareAndSet(false, true);
    }
}
