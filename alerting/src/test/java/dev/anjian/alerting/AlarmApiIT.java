package dev.anjian.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anjian.alerting.testing.TestClock;
import dev.anjian.common.testing.TopicReader;
import dev.anjian.events.AlarmCommand;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.EventJson;
import dev.anjian.events.Notification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The alarm API over real HTTP, backed by the real Kafka: authorization, errors, acknowledgement, escalation. */
class AlarmApiIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private AlertingFixture fx;
    private AlertingService service;
    private final TestClock clock = new TestClock(TestAlarms.T0.plusSeconds(2));
    private final HttpClient client = HttpClient.newHttpClient();
    private final AlarmEvent coal = TestAlarms.methane("HN-PDS-CM01-CH4-T1", TestAlarms.T0.toEpochMilli()).build();
    private final AlarmEvent nh3 = TestAlarms.ammonia("HN-ZZ-NH3-01", TestAlarms.T0.toEpochMilli()).build();

    @BeforeEach
    void setUp() throws Exception {
        fx = new AlertingFixture(dir);
        service = fx.start(fx.settings(Map.of("api.enabled", "true", "alerting.escalation-tier2-after", "10m")), clock);
        fx.produce(coal, nh3);
        fx.awaitAllHandled();
        Awaitility.await().atMost(TIMEOUT).until(() -> call("GET", "/api/alarms", AlertingFixture.CENTRE_TOKEN, null)
                .path("count").asInt() == 2);
    }

    @AfterEach
    void tearDown() {
        service.close();
        fx.close();
    }

    @Test
    void aCentreSeesEveryOpenAlarmAndFilters() throws Exception {
        assertThat(ids(call("GET", "/api/alarms", AlertingFixture.CENTRE_TOKEN, null))).containsExactlyInAnyOrder(coal.alarmId(), nh3.alarmId());
        assertThat(ids(call("GET", "/api/alarms?enterprise=E-HN-NH3-01", AlertingFixture.CENTRE_TOKEN, null))).containsExactly(nh3.alarmId());
        assertThat(ids(call("GET", "/api/alarms?minLevel=2", AlertingFixture.CENTRE_TOKEN, null))).containsExactly(coal.alarmId());
        assertThat(ids(call("GET", "/api/alarms?region=410400&level=1", AlertingFixture.CENTRE_TOKEN, null))).containsExactly(nh3.alarmId());
        assertThat(ids(call("GET", "/api/alarms?region=420000", AlertingFixture.CENTRE_TOKEN, null))).isEmpty();
    }

    @Test
    void anEnterpriseSeesAndActsOnItsOwnAlarmsOnlyAndAnotherEnterprisesAlarmDoesNotExistForIt() throws Exception {
        assertThat(ids(call("GET", "/api/alarms", AlertingFixture.COAL_TOKEN, null))).containsExactly(coal.alarmId());
        assertError(call("GET", "/api/alarms/" + nh3.alarmId(), AlertingFixture.COAL_TOKEN, null), 404, "not_found");
        assertError(call("GET", "/api/alarms/A000000000000000", AlertingFixture.COAL_TOKEN, null), 404, "not_found");
        assertError(call("POST", "/api/alarms/" + nh3.alarmId() + "/acknowledge", AlertingFixture.COAL_TOKEN,
                "{\"operator\":\"王建国\"}"), 404, "not_found");
        assertError(call("POST", "/api/alarms/" + nh3.alarmId() + "/handle", AlertingFixture.COAL_TOKEN,
                "{\"operator\":\"王建国\"}"), 404, "not_found");
        assertError(call("GET", "/api/alarms?enterprise=E-HN-NH3-01", AlertingFixture.COAL_TOKEN, null), 403, "forbidden");

        JsonNode own = call("GET", "/api/alarms/" + coal.alarmId(), AlertingFixture.COAL_TOKEN, null);
        assertThat(own.path("status").asInt()).isEqualTo(200);
        assertThat(own.path("notifications")).hasSize(2);
        assertThat(own.path("notifications").toString()).contains("138****0101").doesNotContain("13800000101");
        try (TopicReader<AlarmCommand> commands = new TopicReader<>(fx.bootstrap, fx.topics.alarmCommands(), AlarmCommand.class)) {
            assertThat(commands.values()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} {1} with {2} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "GET    | /api/alarms                     | NULL            | NULL                | 401 | unauthorized",
            "GET    | /api/alarms                     | no-such-token   | NULL                | 401 | unauthorized",
            "GET    | /api/alarms?level=high          | centre-token-1  | NULL                | 400 | bad_request",
            "GET    | /api/alarms?colour=red          | centre-token-1  | NULL                | 400 | bad_request",
            "POST   | /api/alarms/COAL/acknowledge    | coal-token-1    | not json            | 400 | bad_request",
            "POST   | /api/alarms/COAL/acknowledge    | coal-token-1    | {\"note\":\"x\"}    | 400 | bad_request",
            "GET    | /api/alarms/COAL/acknowledge    | coal-token-1    | NULL                | 405 | method_not_allowed",
            "DELETE | /api/alarms/COAL                | centre-token-1  | NULL                | 405 | method_not_allowed",
            "GET    | /api/nothing                    | centre-token-1  | NULL                | 404 | not_found",
    })
    void badRequestsGetAClearJsonError(String method, String path, String token, String body, int status, String error)
            throws Exception {
        assertError(call(method, path.replace("COAL", coal.alarmId()), token, body), status, error);
    }

    @Test
    void anAcknowledgementIsPublishedStopsEscalationAndASecondOneConflicts() throws Exception {
        JsonNode accepted = call("POST", "/api/alarms/" + coal.alarmId() + "/acknowledge", AlertingFixture.COAL_TOKEN,
                "{\"operator\":\"王建国\",\"note\":\"已撤人通风\"}");
        assertThat(accepted.path("status").asInt()).isEqualTo(202);
        try (TopicReader<AlarmCommand> commands = new TopicReader<>(fx.bootstrap, fx.topics.alarmCommands(), AlarmCommand.class)) {
            assertThat(commands.awaitValues(v -> !v.isEmpty(), TIMEOUT)).singleElement().satisfies(c -> {
                assertThat(c.type()).isEqualTo(AlarmCommand.Type.ACKNOWLEDGE);
                assertThat(c.alarmId()).isEqualTo(coal.alarmId());
                assertThat(c.deviceId()).isEqualTo(coal.deviceId());
                assertThat(c.operator()).isEqualTo("王建国");
                assertThat(c.note()).isEqualTo("已撤人通风");
            });
        }
        assertError(call("POST", "/api/alarms/" + coal.alarmId() + "/acknowledge", AlertingFixture.CENTRE_TOKEN,
                "{\"operator\":\"省厅\"}"), 409, "conflict");

        clock.advance(Duration.ofMinutes(11));
        // The unacknowledged ammonia alarm escalates (to nobody: its enterprise has no tier 2), which shows the
        // escalation round ran after the clock moved; the acknowledged coal alarm does not.
        fx.ledger.awaitValues(v -> v.stream().anyMatch(n -> n.recipientId().equals("none.tier2")), TIMEOUT);
        assertThat(fx.ledger.values()).extracting(Notification::recipientId).doesNotContain("E-HN-COAL-01.head");
        assertThat(service.stats().escalations()).isZero();
    }

    @Test
    void anUnacknowledgedAlarmIsEscalatedToTheHeadAfterTheConfiguredTime() throws Exception {
        clock.advance(Duration.ofMinutes(10));
        fx.ledger.awaitValues(v -> v.stream().anyMatch(n -> n.recipientId().equals("E-HN-COAL-01.head")), TIMEOUT);
        JsonNode detail = call("GET", "/api/alarms/" + coal.alarmId(), AlertingFixture.CENTRE_TOKEN, null);
        assertThat(detail.path("notifications").toString()).contains("E-HN-COAL-01.head").contains("报警10分钟未确认");
        assertThat(call("POST", "/api/alarms/" + coal.alarmId() + "/handle", AlertingFixture.CENTRE_TOKEN,
                "{\"operator\":\"李明\",\"note\":\"已处置\"}").path("status").asInt()).isEqualTo(202);
        assertThat(ids(call("GET", "/api/alarms", AlertingFixture.CENTRE_TOKEN, null))).containsExactly(nh3.alarmId());
        assertError(call("POST", "/api/alarms/" + coal.alarmId() + "/acknowledge", AlertingFixture.CENTRE_TOKEN,
                "{\"operator\":\"x\"}"), 409, "conflict");
    }

    private JsonNode call(String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + service.apiAddress().orElseThrow().getPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = EventJson.mapper().readTree(response.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("status", response.statusCode());
        return json;
    }

    private static java.util.List<String> ids(JsonNode list) {
        assertThat(list.path("status").asInt()).isEqualTo(200);
        java.util.List<String> ids = new java.util.ArrayList<>();
        list.path("alarms").forEach(a -> ids.add(a.path("alarmId").asText()));
        return ids;
    }

    private static void assertError(JsonNode answer, int status, String error) {
        assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.path("error").asText()).isEqualTo(error);
        assertThat(answer.path("detail").asText()).isNotBlank();
    }
}
