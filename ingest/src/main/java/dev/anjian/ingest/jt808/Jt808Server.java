package dev.anjian.ingest.jt808;

import dev.anjian.ingest.kafka.EventPublisher;
import dev.anjian.ingest.netty.TcpServer;
import java.time.Clock;
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
    private TcpServer server;

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
        try {
            server = TcpServer.start("JT/T 808 gateway", settings.bind(), settings.port(), settings.workerThreads(),
                    channels -> new Jt808ChannelInitializer(context, channels));
        } catch (IllegalStateException e) {
            close();
            throw e;
        }
        LOG.info("JT/T 808 gateway '{}' listening on {} (2013 and 2019), idle timeout {}", settings.gatewayId(),
                server.localAddress(), settings.idleTimeout());
        return this;
    }

    /** The port listened on (the ephemeral one when jt808.port is 0). */
    public int port() {
        return server.port();
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
        if (server != null) {
            server.close();
        }
        lane.close();
        LOG.info("JT/T 808 gateway '{}' stopped: {}", settings.gatewayId(), context.counters());
    }
}
