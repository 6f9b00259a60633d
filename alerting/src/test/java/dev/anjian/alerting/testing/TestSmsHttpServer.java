package dev.anjian.alerting.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.anjian.events.EventJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP SMS service for tests (JDK HttpServer on 127.0.0.1, free port): checks the auth header,
 * records each accepted JSON body, answers {@code {"messageId": "..."}}; {@link #answer(int)} makes it
 * answer another status (503 outage, 400 rejection) until set back to 200.
 */
public final class TestSmsHttpServer implements AutoCloseable {

    /** One accepted POST. */
    public record Accepted(String phone, String text, String ref, String messageId) {
    }

    private final String authValue;
    private final HttpServer server;
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile int status = 200;

    public TestSmsHttpServer(String authValue) throws IOException {
        this.authValue = authValue;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sms/send", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms/send");
    }

    public void answer(int status) {
        this.status = status;
    }

    public List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    public int refused() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!authValue.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{\"error\":\"bad credentials\"}");
                return;
            }
            int now = status;
            if (now != 200) {
                refused.incrementAndGet();
                respond(exchange, now, "{\"error\":\"service says " + now + "\"}");
                return;
            }
            JsonNode json = EventJson.mapper().readTree(body);
            String id = "m" + ids.incrementAndGet();
            accepted.add(new Accepted(json.path("to").asText(), json.path("text").asText(), json.path("ref").asText(), id));
            respond(exchange, 200, "{\"messageId\":\"" + id + "\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
