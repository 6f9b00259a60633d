package dev.anjian.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.alerting.testing.TestSmsc;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.Notification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerting with the SMPP provider against a real SMPP centre (jsmpp server side) and the real Kafka. */
class SmppAlertingIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PASSWORD = "pw123456";

    @TempDir
    Path dir;
    private AlertingFixture fx;
    private TestSmsc smsc;

    @BeforeEach
    void setUp() throws IOException {
        fx = new AlertingFixture(dir);
        smsc = new TestSmsc("anjian", PASSWORD).start();
    }

    @AfterEach
    void tearDown() throws IOException {
        smsc.close();
        fx.close();
    }

    private AlertingSettings smpp() {
        return fx.settings(Map.of("sms.provider", "smpp", "sms.smpp.port", String.valueOf(smsc.port()),
                "sms.smpp.system-id", "anjian", "sms.smpp.password", PASSWORD, "sms.smpp.rebind-interval", "200ms",
                "sms.smpp.response-timeout", "2s", "api.enabled", "true"));
    }

    @Test
    void anAlarmOnKafkaBecomesSubmitSmThenALedgerRecordWithItsDeliveryReceipt() throws Exception {
        AlarmEvent alarm = TestAlarms.methane("HN-PDS-CM01-CH4-T1", TestAlarms.T0.toEpochMilli()).build();
        try (AlertingService service = fx.start(smpp(), Clock.systemUTC())) {
            fx.produce(alarm);
            Awaitility.await().atMost(TIMEOUT).until(() -> smsc.received().size() == 2);
            assertThat(smsc.received()).extracting(TestSmsc.Received::phone).containsExactlyInAnyOrder("13800000101", "13800000102");
            assertThat(smsc.received()).allSatisfy(r -> {
                assertThat(r.text()).isEqualTo(new dev.anjian.alerting.sms.SmsText().render(alarm));
                assertThat(r.parts()).as("73 characters: concatenated in two parts").isEqualTo(2);
            });

            List<Notification> delivered = fx.ledger.awaitValues(v -> v.stream().filter(n -> "DELIVRD".equals(n.delivery()))
                    .map(Notification::ledgerKey).distinct().count() == 2, TIMEOUT);
            Map<String, Notification> latest = delivered.stream()
                    .collect(Collectors.toMap(Notification::ledgerKey, n -> n, (a, b) -> b));
            assertThat(latest.values()).allSatisfy(n -> {
                assertThat(n.result()).isEqualTo(Notification.Result.SENT);
                assertThat(n.provider()).isEqualTo("smpp");
                assertThat(n.delivery()).isEqualTo("DELIVRD");
                assertThat(smsc.received()).anySatisfy(r -> assertThat(String.join(",", r.messageIds()))
                        .isEqualTo(n.providerMessageId()));
            });
            fx.awaitAllHandled();
            String metrics = get(service, "/metrics");
            assertThat(metrics).contains("anjian_alerting_sms_sent_total{provider=\"smpp\"} 2")
                    .contains("anjian_alerting_sms_delivery_receipts_total{provider=\"smpp\",status=\"DELIVRD\"} 4")
                    .contains("anjian_alerting_sms_backlog{provider=\"smpp\"} 0");
        }
    }

    @Test
    void whileTheCentreIsDownSmsWaitInTheBacklogAndEveryOneIsDeliveredOnceWhenItReturns() throws Exception {
        smsc.stop();
        long t0 = TestAlarms.T0.toEpochMilli();
        try (AlertingService service = fx.start(smpp(), Clock.systemUTC())) {
            fx.produce(TestAlarms.methane("HN-PDS-CM01-CH4-T1", t0).build(), TestAlarms.methane("HN-PDS-CM01-CH4-T2", t0).build(),
                    TestAlarms.ammonia("HN-ZZ-NH3-01", t0).build());
            Awaitility.await().atMost(TIMEOUT).until(() -> service.stats().retried() >= 3 && service.stats().backlog() == 5);
            assertThat(get(service, "/metrics")).contains("anjian_alerting_sms_backlog{provider=\"smpp\"} 5");
            assertThat(fx.ledger.values()).isEmpty();

            smsc.start();
            Awaitility.await().atMost(TIMEOUT).until(() -> smsc.received().size() >= 5);
            fx.awaitAllHandled();
            assertThat(service.stats().backlog()).isZero();
        }
        assertThat(smsc.received()).hasSize(5);
        assertThat(smsc.received().stream().map(r -> r.phone() + r.text()).distinct()).hasSize(5);
        Map<String, List<Notification>> byKey = fx.ledger.values().stream()
                .collect(Collectors.groupingBy(Notification::ledgerKey));
        assertThat(byKey).hasSize(5);
        assertThat(byKey.values()).allSatisfy(records -> assertThat(records)
                .allMatch(n -> n.result() == Notification.Result.SENT && n.attempts() >= 1));
    }

    static String get(AlertingService service, String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + service.apiAddress().orElseThrow().getPort() + path);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
