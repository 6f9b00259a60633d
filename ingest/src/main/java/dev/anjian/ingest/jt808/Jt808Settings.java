package dev.anjian.ingest.jt808;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import dev.anjian.events.Topics;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the JT/T 808 gateway, read once by {@link #from} from the ingest config (keys {@code jt808.*}
 * plus the shared {@code kafka.bootstrap} and {@code topic.prefix}); documented with their defaults in
 * {@code config/ingest.properties}.
 */
public record Jt808Settings(
        boolean enabled,
        String bind,
        int port,
        Duration idleTimeout,
        int maxFrameBytes,
        Duration subpackageTimeout,
        int maxSubpackages,
        int maxPendingMessages,
        int maxInFlight,
        int maxBadFrames,
        String gatewayId,
        String authSecret,
        int workerThreads,
        Duration registryTimeout,
        String kafkaBootstrap,
        Topics topics) {

    public static final String DEMO_AUTH_SECRET = "anjian-demo-secret";

    public Jt808Settings {
        Objects.requireNonNull(topics, "topics");
        require(bind, "jt808.bind");
        require(gatewayId, "jt808.gateway-id");
        require(authSecret, "jt808.auth-secret");
        require(kafkaBootstrap, "kafka.bootstrap");
        if (port < 0 || port > 65_535) {
            throw new ConfigException("jt808.port must be 0..65535 (0 = any free port), was " + port);
        }
        positive(idleTimeout, "jt808.idle-timeout");
        positive(subpackageTimeout, "jt808.subpackage-timeout");
        positive(registryTimeout, "jt808.registry-timeout");
        // The largest legal frame: 21-byte header, 1023-byte body, check code, all escaped, two delimiters.
        atLeast(maxFrameBytes, 2 * (21 + 1023 + 1) + 2, "jt808.max-frame-bytes");
        atLeast(maxSubpackages, 1, "jt808.max-subpackages");
        atLeast(maxPendingMessages, 1, "jt808.max-pending-messages");
        atLeast(maxInFlight, 1, "jt808.max-in-flight");
        atLeast(maxBadFrames, 1, "jt808.max-bad-frames");
        atLeast(workerThreads, 0, "jt808.worker-threads");
    }

    public static Jt808Settings from(Config config) {
        return new Jt808Settings(
                config.bool("jt808.enabled", true),
                config.string("jt808.bind", "127.0.0.1"),
                config.integer("jt808.port", 7808),
                config.duration("jt808.idle-timeout", Duration.ofSeconds(180)),
                config.integer("jt808.max-frame-bytes", 4096),
                config.duration("jt808.subpackage-timeout", Duration.ofSeconds(30)),
                config.integer("jt808.max-subpackages", 256),
                config.integer("jt808.max-pending-messages", 4),
                config.integer("jt808.max-in-flight", 64),
                config.integer("jt808.max-bad-frames", 16),
                config.string("jt808.gateway-id", "jt808-1"),
                config.string("jt808.auth-secret", DEMO_AUTH_SECRET),
                config.integer("jt808.worker-threads", 0),
                config.duration("jt808.registry-timeout", Duration.ofSeconds(30)),
                config.string("kafka.bootstrap", "127.0.0.1:9092"),
                new Topics(config.string("topic.prefix", Topics.DEFAULT_PREFIX)));
    }

    /** A copy listening on another port (tests use 0: any free port). */
    public Jt808Settings withPort(int newPort) {
        return new Jt808Settings(enabled, bind, newPort, idleTimeout, maxFrameBytes, subpackageTimeout, maxSubpackages,
                maxPendingMessages, maxInFlight, maxBadFrames, gatewayId, authSecret, workerThreads, registryTimeout,
                kafkaBootstrap, topics);
    }

    /** Without the auth secret, so that settings can be logged. */
    @Override
    public String toString() {
        return "Jt808Settings[enabled=" + enabled + ", bind=" + bind + ", port=" + port + ", idle-timeout=" + idleTimeout
                + ", max-frame-bytes=" + maxFrameBytes + ", subpackage-timeout=" + subpackageTimeout
                + ", max-subpackages=" + maxSubpackages + ", max-pending-messages=" + maxPendingMessages
                + ", max-in-flight=" + maxInFlight + ", max-bad-frames=" + maxBadFrames + ", gateway-id=" + gatewayId
                + ", auth-secret=" + (DEMO_AUTH_SECRET.equals(authSecret) ? "(demo default)" : "****")
                + ", worker-threads=" + workerThreads + ", registry-timeout=" + registryTimeout
                + ", kafka.bootstrap=" + kafkaBootstrap + ", topic.prefix=" + topics.prefix() + "]";
    }

    private static void require(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new ConfigException("config key '" + key + "' must not be empty");
        }
    }

    private static void positive(Duration d, String key) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ConfigException(key + " must be a positive duration, was " + d);
        }
    }

    private static void atLeast(int value, int min, String key) {
        if (value < min) {
            throw new ConfigException(key + " must be at least " + min + ", was " + value);
        }
    }
}
