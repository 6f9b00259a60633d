package dev.anjian.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.alerting.testing.TestSmsHttpServer;
import dev.anjian.events.AlarmState;
import dev.anjian.events.Notification;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerting with the HTTP provider against a real HTTP server: outages, a full backlog and restarts. */
class OutageAndRestartIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String AUTH = "Bearer it-secret-1";

    @TempDir
    Path dir;
    private AlertingFixture fx;
    private TestSmsHttpServer http;

    @BeforeEach
    void setUp() throws IOException {
        fx = new AlertingFixture(dir);
        http = new TestSmsHttpServer(AUTH);
    }

    @AfterEach
    void tearDown() {
        http.close();
        fx.close();
    }

    private AlertingSettings settings(String backlogMax) {
        return fx.settings(Map.of("sms.provider", "http", "sms.http.url", http.url().toString(), "sms.http.auth-value", AUTH,
                "sms.backlog-max", backlogMax));
    }

    @Test
    void aServiceAnswering503KeepsEverySmsWithABoundedBacklogAndDeliversEachOnceWhenItRecovers() throws Exception {
        http.answer(503);
        long t0 = TestAlarms.T0.toEpochMilli();
        try (AlertingService service = fx.start(settings("2"), Clock.systemUTC())) {
            fx.produce(TestAlarms.ammonia("HN-ZZ-NH3-00", t0).build(), TestAlarms.ammonia("HN-ZZ-NH3-01", t0).build());
            Awaitility.await().atMost(TIMEOUT).until(() -> service.stats().backlog() == 2);
            for (int i = 2; i < 6; i++) {
                fx.produce(TestAlarms.ammonia("HN-ZZ-NH3-0" + i, t0 + i).build());
            }
            int refusedBefore = http.refused();
            Awaitility.await().atMost(TIMEOUT).until(() -> http.refused() >= refusedBefore + 3);
            assertThat(service.stats().alarms()).as("backlog full: no more alarms fetched").isEqualTo(2);
            assertThat(service.stats().backlog()).isEqualTo(2);
            assertThat(service.stats().retried()).isGreaterThanOrEqualTo(3);
            assertThat(fx.ledger.values()).isEmpty();

            http.answer(200);
            fx.awaitAllHandled();
        }
        assertThat(http.accepted()).hasSize(6);
        assertThat(http.accepted().stream().map(TestSmsHttpServer.Accepted::ref).distinct()).hasSize(6);
        assertThat(fx.ledger.values()).hasSize(6).allMatch(n -> n.result() == Notification.Result.SENT);
    }

    @Test
    void aFatalAnswerIsRecordedFailedWithItsReasonAndDoesNotBlockTheRest() throws Exception {
        http.answer(400);
        try (AlertingService service = fx.start(settings("100"), Clock.systemUTC())) {
            fx.produce(TestAlarms.ammonia("HN-ZZ-NH3-01", TestAlarms.T0.toEpochMilli()).build());
            fx.awaitAllHandled();
            assertThat(service.stats().failed()).isEqualTo(1);
        }
        assertThat(fx.ledger.values()).singleElement().satisfies(n -> {
            assertThat(n.result()).isEqualTo(Notification.Result.FAILED);
            assertThat(n.error()).startsWith("fatal: HTTP 400 from http://127.0.0.1:").doesNotContain("it-secret-1");
        });
    }

    @Test
    void restartedMidStreamNothingIsLostAndNothingIsSentTwice() throws Exception {
        long t0 = TestAlarms.T0.toEpochMilli();
        TestAlarms a1 = TestAlarms.methane("HN-PDS-CM01-CH4-T1", t0);
        TestAlarms a2 = TestAlarms.ammonia("HN-ZZ-NH3-01", t0);
        TestAlarms a3 = TestAlarms.ammonia("HN-ZZ-NH3-02", t0);
        try (AlertingService first = fx.start(settings("100"), Clock.systemUTC())) {
            fx.produce(a1.build(), a2.build());
            fx.awaitAllHandled();
        }
        http.answer(503);
        try (AlertingService second = fx.start(settings("100"), Clock.systemUTC())) {
            fx.produce(a3.build(), a1.state(AlarmState.ESCALATED).build(), a2.build());
            Awaitility.await().atMost(TIMEOUT).until(() -> second.stats().backlog() >= 3);
        }
        http.answer(200);
        try (AlertingService third = fx.start(settings("100"), Clock.systemUTC())) {
            fx.awaitAllHandled();
            assertThat(third.stats().duplicates()).isGreaterThanOrEqualTo(1);
        }
        List<String> refs = http.accepted().stream().map(TestSmsHttpServer.Accepted::ref).toList();
        assertThat(refs).doesNotHaveDuplicates().containsExactlyInAnyOrder(
                key(a1, AlarmState.RAISED, "E-HN-COAL-01.safety"), key(a1, AlarmState.RAISED, "E-HN-COAL-01.dispatch"),
                key(a2, AlarmState.RAISED, "E-HN-NH3-01.safety"), key(a3, AlarmState.RAISED, "E-HN-NH3-01.safety"),
                key(a1, AlarmState.ESCALATED, "E-HN-COAL-01.safety"), key(a1, AlarmState.ESCALATED, "E-HN-COAL-01.dispatch"));
        Map<String, Set<Notification.Result>> ledger = fx.ledger.values().stream().collect(Collectors.groupingBy(
                Notification::ledgerKey, Collectors.mapping(Notification::result, Collectors.toSet())));
        assertThat(ledger.keySet()).containsExactlyInAnyOrderElementsOf(refs);
        assertThat(ledger.values()).allMatch(results -> results.equals(Set.of(Notification.Result.SENT)));
    }

    private static String key(TestAlarms alarm, AlarmState state, String recipient) {
        return Notification.ledgerKey(alarm.build().alarmId(), state, recipient);
    }
}
