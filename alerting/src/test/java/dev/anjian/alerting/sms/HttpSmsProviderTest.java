package dev.anjian.alerting.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.alerting.AlertingSettings;
import dev.anjian.alerting.testing.TestSmsHttpServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The HTTP provider against a real HTTP server on a loopback port. */
class HttpSmsProviderTest extends SmsProviderContract {

    private static final String AUTH = "Bearer tok-9f8e7d";
    private TestSmsHttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new TestSmsHttpServer(AUTH);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static HttpSmsProvider provider(URI url, String auth) {
        return new HttpSmsProvider(new HttpSmsSettings(url, AlertingSettings.DEFAULT_HTTP_TEMPLATE, "Authorization", auth,
                Duration.ofSeconds(2), "messageId"));
    }

    @Override
    protected SmsProvider workingProvider() {
        return provider(server.url(), AUTH);
    }

    @Override
    protected SmsProvider unreachableProvider() {
        try (ServerSocket free = new ServerSocket(0)) {
            return provider(URI.create("http://127.0.0.1:" + free.getLocalPort() + "/sms/send?key=k-123"), AUTH);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected SmsProvider wrongCredentialsProvider() {
        return provider(server.url(), "Bearer wrong-tok-1");
    }

    @Override
    protected List<String> secrets() {
        return List.of(AUTH, "tok-9f8e7d", "wrong-tok-1", "k-123");
    }

    @Test
    void postsTheTemplateWithTextRefAndPhoneAndKeepsTheServicesId() {
        SendOutcome outcome;
        try (SmsProvider provider = workingProvider()) {
            outcome = provider.send(new SmsMessage("c1", "13800000101", "【安监】\"引号\"\n换行", "A1/RAISED/c1"));
        }
        assertThat(server.accepted()).singleElement().satisfies(a -> {
            assertThat(a.phone()).isEqualTo("13800000101");
            assertThat(a.text()).isEqualTo("【安监】\"引号\"\n换行");
            assertThat(a.ref()).isEqualTo("A1/RAISED/c1");
            assertThat(outcome.providerMessageId()).isEqualTo("http-" + a.messageId());
        });
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({"503, RETRYABLE", "500, RETRYABLE", "429, RETRYABLE", "400, FATAL", "404, FATAL", "401, FATAL"})
    void classifiesStatusCodes(int status, SendOutcome.Kind kind) {
        server.answer(status);
        try (SmsProvider provider = workingProvider()) {
            SendOutcome outcome = provider.send(MESSAGE);
            assertThat(outcome.kind()).isEqualTo(kind);
            assertThat(outcome.reason()).startsWith("HTTP " + status + " from http://127.0.0.1:");
        }
    }

    @Test
    void wrongCredentialsAreFatal() {
        try (SmsProvider provider = wrongCredentialsProvider()) {
            SendOutcome outcome = provider.send(MESSAGE);
            assertThat(outcome.kind()).isEqualTo(SendOutcome.Kind.FATAL);
            assertThat(outcome.reason()).contains("HTTP 401").contains("bad credentials");
        }
    }

    @Test
    void aConnectionRefusedIsRetryableAndTheQueryIsNotShown() {
        try (SmsProvider provider = unreachableProvider()) {
            SendOutcome outcome = provider.send(MESSAGE);
            assertThat(outcome.kind()).isEqualTo(SendOutcome.Kind.RETRYABLE);
            assertThat(outcome.reason()).startsWith("cannot reach http://127.0.0.1:").doesNotContain("k-123");
        }
    }
}
