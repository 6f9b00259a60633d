package dev.anjian.alerting.sms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anjian.events.EventJson;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Sends each SMS as one HTTP POST of a JSON template (see {@link JsonTemplate}). 2xx is OK, the message id
 * taken from the response's {@code messageIdField} when present; 429, 5xx, timeouts and connection errors
 * are RETRYABLE; any other status is FATAL (the request itself is wrong: bad number, bad key). Reasons name
 * the endpoint without its query and never contain the auth value or the phone number.
 */
public final class HttpSmsProvider implements SmsProvider {

    public static final String NAME = "http";
    private static final int BODY_IN_REASON = 160;

    private final HttpSmsSettings settings;
    private final JsonTemplate template;
    private final Redaction redaction;
    private final HttpClient client;

    public HttpSmsProvider(HttpSmsSettings settings) {
        this.settings = settings;
        this.template = JsonTemplate.of(settings.template());
        this.redaction = new Redaction(settings.authValue(), settings.url().getRawQuery());
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SendOutcome send(SmsMessage message) {
        String body = template.render(Map.of("phone", message.phone(), "text", message.text(),
                "ref", message.reference(), "recipient", message.recipientId()));
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!settings.authValue().isEmpty()) {
            request.header(settings.authHeader(), settings.authValue());
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return classify(response.statusCode(), response.body(), message);
        } catch (HttpTimeoutException e) {
            return SendOutcome.retryable("no answer from " + settings.endpoint() + " within " + settings.timeout().toMillis() + " ms");
        } catch (IOException e) {
            return SendOutcome.retryable("cannot reach " + settings.endpoint() + ": " + redaction.apply(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.retryable("interrupted while posting to " + settings.endpoint());
        }
    }

    private SendOutcome classify(int status, String body, SmsMessage message) {
        if (status >= 200 && status < 300) {
            return SendOutcome.ok(messageId(body));
        }
        String reason = "HTTP " + status + " from " + settings.endpoint() + ": " + snippet(body, message);
        return status == 429 || status >= 500 ? SendOutcome.retryable(reason) : SendOutcome.fatal(reason);
    }

    private String messageId(String body) {
        try {
            JsonNode id = EventJson.mapper().readTree(body).path(settings.messageIdField());
            if (id.isValueNode() && !id.asText().isBlank()) {
                return NAME + "-" + id.asText();
            }
        } catch (IOException e) {
            // Not JSON: the service said 2xx, which is all we need; the id is ours then.
        }
        return NAME + "-" + UUID.randomUUID();
    }

    private String snippet(String body, SmsMessage message) {
        String clean = redaction.apply(body == null ? "" : body).replace(message.phone(), PhoneMask.mask(message.phone()))
                .replaceAll("\\s+", " ").strip();
        return clean.length() <= BODY_IN_REASON ? clean : clean.substring(0, BODY_IN_REASON) + "...";
    }

    @Override
    public void close() {
        // java.net.http.HttpClient (Java 17) has no close; its threads are daemons.
    }
}
