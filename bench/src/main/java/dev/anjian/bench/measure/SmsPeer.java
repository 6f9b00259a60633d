package dev.anjian.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.anjian.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP SMS service alerting talks to during a run (sms.provider=http, default template
 * {@code {"to":"${phone}","text":"${text}","ref":"${ref}"}}): on 127.0.0.1, answers every POST with 200 and
 * a message id, and records when each SMS arrived. {@code ref} is alerting's ledger key
 * {@code alarmId/STATE/recipient}, which ties the SMS to its alarm exactly.
 */
public final class SmsPeer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmsPeer.class);

    /** One SMS as received: alarm id and state parsed from the ref. */
    public record Receipt(String alarmId, String state, String recipient, String phone, String text, long receivedAt) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<Receipt> receipts = new CopyOnWriteArrayList<>();
    private final AtomicLong malformed = new AtomicLong();

    public SmsPeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/sms", this::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("SMS peer listening on {}", url());
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    private void handle(HttpExchange exchange) throws IOException {
        long receivedAt = System.currentTimeMillis();
        try (exchange; InputStream body = exchange.getRequestBody()) {
            JsonNode sms = EventJson.mapper().readTree(body.readAllBytes());
            String[] ref = sms.path("ref").asText("").split("/", 3);
            if (ref.length == 3) {
                receipts.add(new Receipt(ref[0], ref[1], ref[2], sms.path("to").asText(), sms.path("text").asText(), receivedAt));
            } else {
                malformed.incrementAndGet();
                LOG.warn("SMS without an alarmId/STATE/recipient ref: {}", sms.path("ref").asText(""));
            }
            byte[] answer = ("{\"messageId\":\"bench-" + receipts.size() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (IOException e) {
            malformed.incrementAndGet();
            LOG.warn("SMS request could not be read: {}", e.toString());
            throw e;
        }
    }

    public List<Receipt> receipts() {
        return List.copyOf(receipts);
    }

    public long malformed() {
        return malformed.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
