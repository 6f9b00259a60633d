package dev.anjian.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.anjian.alerting.testing.TestInflux;
import dev.anjian.common.Config;
import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.common.testing.ItServices;
import dev.anjian.common.testing.TestTopics;
import dev.anjian.common.testing.TopicReader;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmState;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.EventJson;
import dev.anjian.events.Notification;
import dev.anjian.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alerting service in-process against the real Kafka: alarms in, SMS lines and ledger records out. */
class AlertingServiceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ROUTING = """
            enterprises:
              E-HN-COAL-01:
                - {id: E-HN-COAL-01.safety, name: 王建国, phone: "13800000101", tier: 1}
                - {id: E-HN-COAL-01.dispatch, name: 调度室, phone: "13800000102", tier: 1}
                - {id: E-HN-COAL-01.head, name: 李明, phone: "13800000103", tier: 2}
              E-HN-NH3-01:
                - {id: E-HN-NH3-01.safety, name: 张伟, phone: "13900000201", tier: 1}
            """;
    private static final Set<String> RAW_PHONES = Set.of("13800000101", "13800000102", "13800000103", "13900000201");

    @TempDir
    Path dir;

    private final String bootstrap = ItServices.kafkaBootstrap();
    private Topics topics;
    private String group;
    private String freshGroup;
    private Path smsLog;
    private Path routingFile;
    private KafkaProducer<String, byte[]> producer;
    private TopicReader<Notification> ledger;
    private final TestInflux influx = new TestInflux();

    @BeforeEach
    void setUp() throws IOException {
        topics = TestTopics.create(bootstrap, 2);
        group = topics.prefix() + "alerting";
        freshGroup = topics.prefix() + "alerting-fresh";
        smsLog = dir.resolve("var/sms.log");
        routingFile = Files.writeString(dir.resolve("routing.yaml"), ROUTING, StandardCharsets.UTF_8);
        producer = new KafkaProducer<>(KafkaClients.producer(bootstrap, group));
        ledger = new TopicReader<>(bootstrap, topics.notifications(), Notification.class);
    }

    @AfterEach
    void tearDown() {
        ledger.close();
        producer.close();
        influx.close();
    }

    @Test
    void aRaisedAlarmBecomesOneSmsPerOfficerAndOneMaskedLedgerRecordEachAndAReplaySendsNothing() throws Exception {
        AlarmEvent alarm = TestAlarms.methane("HN-PDS-CM01-CH4-T1", TestAlarms.T0.toEpochMilli()).build();
        try (AlertingService service = start(group)) {
            produce(alarm);
            List<Notification> recorded = ledger.awaitValues(v -> v.size() >= 2, TIMEOUT);

            assertThat(recorded).extracting(Notification::recipientId)
                    .containsExactlyInAnyOrder("E-HN-COAL-01.safety", "E-HN-COAL-01.dispatch");
            assertThat(recorded).extracting(Notification::recipientMasked)
                    .containsExactlyInAnyOrder("138****0101", "138****0102");
            assertThat(recorded).allSatisfy(n -> {
                assertThat(n.result()).isEqualTo(Notification.Result.SENT);
                assertThat(n.alarmId()).isEqualTo(alarm.alarmId());
                assertThat(n.text()).startsWith("【安监】平顶山某煤矿 1201回采工作面T1 CH4 1.62% 超二级阈值1.5%（二级报警）")
                        .endsWith("编号" + alarm.alarmId().substring(0, 8));
                assertThat(n.providerMessageId()).startsWith("log-");
            });
            assertThat(smsLines()).hasSize(2).allMatch(line -> line.endsWith(recorded.get(0).text()));
            // The pipeline dashboard's "SMS outcomes" query, grouped as it groups, sees both SMS.
            assertThat(influx.awaitRows("SELECT count(\"alarm_id\") AS \"sent\" FROM \"notification\""
                    + " GROUP BY \"channel\", \"result\"", rows -> !rows.isEmpty(), TIMEOUT))
                    .singleElement().satisfies(row -> {
                        assertThat(row.tags()).containsEntry("channel", "sms").containsEntry("result", "SENT");
                        assertThat(((Number) row.value("sent")).intValue()).isEqualTo(2);
                    });
            assertThat(influx.rows("SELECT alarm_id, recipient_masked, enterprise FROM notification"))
                    .extracting(row -> row.value("alarm_id") + " " + row.value("recipient_masked") + " "
                            + row.value("enterprise"))
                    .containsExactlyInAnyOrder(alarm.alarmId() + " 138****0101 E-HN-COAL-01",
                            alarm.alarmId() + " 138****0102 E-HN-COAL-01");
            assertThat(influx.rows("SELECT alarm_id FROM notification"))
                    .extracting(row -> ((Number) row.value("time")).longValue())
                    .containsExactlyInAnyOrderElementsOf(recorded.stream().map(Notification::attemptedAt).toList());

            produce(alarm);
            producer.send(new ProducerRecord<>(topics.alarms(), "garbage", "{\"alarmId\":\"A1\"}".getBytes(StandardCharsets.UTF_8))).get();
            GroupProgress.awaitCommittedToEnd(bootstrap, group, topics.alarms());

            assertThat(ledger.values()).hasSize(2);
            assertThat(smsLines()).hasSize(2);
            assertThat(service.stats().duplicates()).isEqualTo(2);
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(service.stats().influxWritten()).isEqualTo(2));
            assertThat(influx.rows("SELECT alarm_id FROM notification")).hasSize(2);
        }
        assertNoRawPhoneNumberInLedgerOrSmsLog();
        try (TopicReader<DeadLetter> deadLetters = new TopicReader<>(bootstrap, topics.deadLetter(), DeadLetter.class)) {
            assertThat(deadLetters.awaitValues(v -> !v.isEmpty(), TIMEOUT)).singleElement().satisfies(letter -> {
                assertThat(letter.source()).isEqualTo("alerting");
                assertThat(letter.reason()).startsWith("not an alarm event: AlarmEvent: missing required field");
                assertThat(new String(letter.raw(), StandardCharsets.UTF_8)).isEqualTo("{\"alarmId\":\"A1\"}");
            });
        }
    }

    @Test
    void everyAlarmIsNotifiedExactlyOnceAcrossRestartsAndLostOffsets() throws Exception {
        long t0 = TestAlarms.T0.toEpochMilli();
        TestAlarms a1 = TestAlarms.methane("HN-PDS-CM01-CH4-T1", t0);
        TestAlarms a2 = TestAlarms.methane("HN-PDS-CM01-CH4-T2", t0 + 1_000);
        TestAlarms a3 = TestAlarms.ammonia("HN-ZZ-NH3-01", t0 + 2_000);
        TestAlarms a4 = TestAlarms.ammonia("HN-ZZ-NH3-02", t0 + 3_000);

        try (AlertingService first = start(group)) {
            produce(a1.build(), a2.build(), a3.build());
            GroupProgress.awaitCommittedToEnd(bootstrap, group, topics.alarms());
            assertThat(first.stats().sent()).isEqualTo(5);
        }
        // While the service is down: new alarms, a next state, and a replay of an alarm already sent.
        produce(a4.build(), a1.state(AlarmState.ESCALATED).build(), a2.build(), a3.state(AlarmState.CLEARED).value(12).build());
        try (AlertingService second = start(group)) {
            GroupProgress.awaitCommittedToEnd(bootstrap, group, topics.alarms());
            assertThat(second.stats().sent()).isEqualTo(4);
            assertThat(second.stats().duplicates()).isEqualTo(2);
        }
        // A new group re-reads every alarm from the start, as after lost offsets: only the ledger stands in the way.
        try (AlertingService third = start(freshGroup)) {
            GroupProgress.awaitCommittedToEnd(bootstrap, freshGroup, topics.alarms());
            assertThat(third.stats().alarms()).isEqualTo(7);
            assertThat(third.stats().sent()).isZero();
        }

        Map<String, Long> recordsPerKey = ledger.values().stream()
                .collect(Collectors.groupingBy(Notification::ledgerKey, Collectors.counting()));
        assertThat(recordsPerKey).containsOnlyKeys(
                key(a1, AlarmState.RAISED, "E-HN-COAL-01.safety"), key(a1, AlarmState.RAISED, "E-HN-COAL-01.dispatch"),
                key(a2, AlarmState.RAISED, "E-HN-COAL-01.safety"), key(a2, AlarmState.RAISED, "E-HN-COAL-01.dispatch"),
                key(a3, AlarmState.RAISED, "E-HN-NH3-01.safety"), key(a4, AlarmState.RAISED, "E-HN-NH3-01.safety"),
                key(a1, AlarmState.ESCALATED, "E-HN-COAL-01.safety"), key(a1, AlarmState.ESCALATED, "E-HN-COAL-01.dispatch"),
                key(a3, AlarmState.CLEARED, "E-HN-NH3-01.safety"));
        assertThat(recordsPerKey.values()).containsOnly(1L);

        List<String> lines = smsLines();
        assertThat(lines).hasSize(9);
        for (Notification n : ledger.values()) {
            assertThat(lines).as("SMS lines for %s", n.ledgerKey())
                    .filteredOn(line -> line.endsWith("\t" + n.recipientMasked() + "\t" + n.text())).hasSize(1);
        }
    }

    @Test
    void anAlarmOfOneEnterpriseNeverReachesAnotherEnterprisesContacts() throws Exception {
        long t0 = TestAlarms.T0.toEpochMilli();
        AlarmEvent coal = TestAlarms.methane("HN-PDS-CM01-CH4-T1", t0).build();
        AlarmEvent ammonia = TestAlarms.ammonia("HN-ZZ-NH3-01", t0).build();
        AlarmEvent dust = TestAlarms.methane("HN-XC-DUST-01", t0).enterprise(TestAlarms.DUST, "某抛光厂").build();
        try (AlertingService service = start(group)) {
            produce(coal, ammonia, dust);
            GroupProgress.awaitCommittedToEnd(bootstrap, group, topics.alarms());
            assertThat(service.stats().failed()).isEqualTo(1);
        }
        Map<String, List<Notification>> byAlarm = ledger.values().stream()
                .collect(Collectors.groupingBy(Notification::alarmId));

        assertThat(byAlarm.get(coal.alarmId())).extracting(Notification::recipientMasked)
                .containsExactlyInAnyOrder("138****0101", "138****0102");
        assertThat(byAlarm.get(ammonia.alarmId())).extracting(Notification::recipientMasked)
                .containsExactly("139****0201");
        assertThat(byAlarm.get(dust.alarmId())).singleElement().satisfies(n -> {
            assertThat(n.result()).isEqualTo(Notification.Result.FAILED);
            assertThat(n.error()).isEqualTo("no contacts for enterprise E-HN-DUST-01");
        });
        assertThat(ledger.values()).allSatisfy(n -> assertThat(n.recipientId()).satisfiesAnyOf(
                id -> assertThat(id).startsWith(n.enterpriseId() + "."),
                id -> assertThat(id).isEqualTo("none")));

        Map<String, List<String>> phonesByShortId = smsLines().stream().collect(Collectors.groupingBy(
                line -> line.substring(line.lastIndexOf("编号") + 2),
                Collectors.mapping(line -> line.split("\t")[1], Collectors.toList())));
        assertThat(phonesByShortId).containsOnlyKeys(coal.alarmId().substring(0, 8), ammonia.alarmId().substring(0, 8));
        assertThat(phonesByShortId.get(coal.alarmId().substring(0, 8))).containsExactlyInAnyOrder("138****0101", "138****0102");
        assertThat(phonesByShortId.get(ammonia.alarmId().substring(0, 8))).containsExactly("139****0201");
    }

    private AlertingService start(String groupId) {
        Map<String, String> values = new HashMap<>(Map.of(
                "kafka.bootstrap", bootstrap, "topic.prefix", topics.prefix(), "alerting.group-id", groupId,
                "alerting.routing-file", routingFile.toString(), "sms.log-file", smsLog.toString(),
                "sms.retry-backoff", "50ms", "alerting.storm-window", "0s", "alerting.escalation-tier2-after", "0s",
                "alerting.escalation-tier3-after", "0s", "api.enabled", "false"));
        values.putAll(Map.of("influx.url", ItServices.influxUrl(), "influx.database", influx.database()));
        AlertingService service = new AlertingService(AlertingSettings.from(Config.of(values, Map.of())));
        service.start();
        return service;
    }

    private void produce(AlarmEvent... alarms) throws InterruptedException, ExecutionException {
        for (AlarmEvent alarm : alarms) {
            producer.send(new ProducerRecord<>(topics.alarms(), alarm.alarmId(), EventJson.write(alarm))).get();
        }
    }

    private List<String> smsLines() throws IOException {
        return Files.exists(smsLog) ? Files.readAllLines(smsLog, StandardCharsets.UTF_8) : List.of();
    }

    private static String key(TestAlarms alarm, AlarmState state, String recipient) {
        return Notification.ledgerKey(alarm.build().alarmId(), state, recipient);
    }

    private void assertNoRawPhoneNumberInLedgerOrSmsLog() throws IOException {
        String log = Files.readString(smsLog, StandardCharsets.UTF_8);
        String ledgerBytes = ledger.records().stream().map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("\n"));
        for (String phone : RAW_PHONES) {
            assertThat(log).doesNotContain(phone);
            assertThat(ledgerBytes).doesNotContain(phone);
        }
    }
}
