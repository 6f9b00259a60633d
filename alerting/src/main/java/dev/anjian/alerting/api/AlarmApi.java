package dev.anjian.alerting.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.anjian.alerting.book.AlarmBook;
import dev.anjian.alerting.ledger.NotificationHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alarm API: a JDK HttpServer (no framework), loopback by default. Every {@code /api/} request needs
 * {@code Authorization: Bearer <token>} (see {@link ApiTokens}); {@code /metrics} (Prometheus text) and
 * {@code /health} are open, as they hold no alarm or personal data. Errors are JSON
 * {@code {"error": "...", "detail": "..."}}; an unexpected failure is a 500 that is logged, never a hang.
 */
public final class AlarmApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmApi.class);
    private static final String ALARMS = "/api/alarms";

    private final String host;
    private final int port;
    private final ApiTokens tokens;
    private final AlarmsHandler alarms;
    private final Supplier<String> metrics;
    private HttpServer server;
    private ExecutorService executor;

    public AlarmApi(String host, int port, ApiTokens tokens, AlarmBook book, NotificationHistory history,
            CommandPublisher publisher, Supplier<String> metrics, Clock clock) {
        this.host = host;
        this.port = port;
        this.tokens = tokens;
        this.alarms = new AlarmsHandler(book, history, publisher, clock);
        this.metrics = metrics;
    }

    public void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("alarm API cannot listen on " + host + ":" + port, e);
        }
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "alarm-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::route);
        server.start();
        LOG.info("alarm API listening on http://{}:{} ({} tokens): GET {}, GET {}/{{id}}, POST {}/{{id}}/acknowledge|handle,"
                + " GET /metrics", host, address().getPort(), tokens.size(), ALARMS, ALARMS, ALARMS);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void route(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            try {
                if (path.equals("/metrics")) {
                    Exchanges.send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
                            metrics.get().getBytes(StandardCharsets.UTF_8));
                } else if (path.equals("/health")) {
                    Exchanges.json(exchange, 200, Map.of("status", "UP"));
                } else if (path.equals(ALARMS) || path.startsWith(ALARMS + "/")) {
                    alarms.handle(exchange, authenticate(exchange), path.substring(ALARMS.length()));
                } else {
                    throw ApiError.notFound("no such resource: " + path);
                }
            } catch (ApiError e) {
                Exchanges.error(exchange, e);
            } catch (RuntimeException e) {
                LOG.error("alarm API failed on {} {}", exchange.getRequestMethod(), path, e);
                Exchanges.error(exchange, new ApiError(500, "internal", "unexpected error; see the alerting log"));
            }
        }
    }

    private Principal authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ") || header.length() <= "Bearer ".length()) {
            throw new ApiError(401, "unauthorized", "send 'Authorization: Bearer <token>'");
        }
        return tokens.authenticate(header.substring("Bearer ".length()).strip())
                .orElseThrow(() -> new ApiError(401, "unauthorized", "unknown token"));
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
