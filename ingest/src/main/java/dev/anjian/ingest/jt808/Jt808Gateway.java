package dev.anjian.ingest.jt808;

import dev.anjian.ingest.kafka.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway as one deployable piece: follows the device-registry topic ({@link RegistryFollower}) and
 * serves terminals ({@link Jt808Server}). Usage from the CLI: {@code new Jt808Gateway(settings, publisher).start()};
 * {@link #close()} stops both (the publisher stays the caller's). Does nothing when jt808.enabled is false.
 */
public final class Jt808Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Jt808Gateway.class);

    private final Jt808Settings settings;
    private final KnownTerminals terminals = new KnownTerminals();
    private final RegistryFollower registry;
    private final Jt808Server server;

    public Jt808Gateway(Jt808Settings settings, EventPublisher publisher) {
        this.settings = settings;
        this.registry = new RegistryFollower(settings.kafkaBootstrap(), settings.topics().deviceRegistry(), terminals,
                settings.registryTimeout());
        this.server = new Jt808Server(settings, publisher, terminals);
    }

    /** Loads the registry, then listens; returns once listening. */
    public Jt808Gateway start() {
        if (!settings.enabled()) {
            LOG.info("JT/T 808 gateway disabled (jt808.enabled=false)");
            return this;
        }
        LOG.info("JT/T 808 gateway starting with {}", settings);
        registry.start();
        server.start();
        return this;
    }

    public Jt808Server server() {
        return server;
    }

    public KnownTerminals terminals() {
        return terminals;
    }

    @Override
    public void close() {
        if (settings.enabled()) {
            server.close();
            registry.close();
        }
    }
}
