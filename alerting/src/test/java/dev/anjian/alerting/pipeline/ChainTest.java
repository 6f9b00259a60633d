package dev.anjian.alerting.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.alerting.TestAlarms;
import dev.anjian.alerting.sms.SendOutcome;
import dev.anjian.alerting.sms.SmsMessage;
import dev.anjian.events.AlarmCommand;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmState;
import dev.anjian.events.Notification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The engine end to end without Kafka: routing, dedup, grouping, escalation, retry, ledger, offsets. */
class ChainTest {

    private static final String RAISED_TEXT =
            "【安监】平顶山某煤矿 1201回采工作面T1 CH4 1.62% 超二级阈值1.5%（二级报警）2026-11-29 16:00:05 编号A1b2c3d4";
    private static final TopicPartition P0 = new TopicPartition("alarms", 0);

    @Test
    void aRaisedAlarmIsSentToEachSafetyOfficerAndRecordedWithMaskedPhones() {
        Chain chain = Chain.plain();
        chain.alarm(TestAlarms.methane().build());

        assertThat(chain.phones()).containsExactly("13800000101", "13800000102");
        assertThat(chain.provider.sent).extracting(SmsMessage::text).containsOnly(RAISED_TEXT);
        long now = chain.clock.millis();
        assertThat(chain.ledger).containsExactly(
                new Notification("A1b2c3d4e5f6a7b", AlarmState.RAISED, "E-HN-COAL-01.safety", "138****0101",
                        "E-HN-COAL-01", "scripted", Notification.Result.SENT, RAISED_TEXT, now, 1, "m-1", null),
                new Notification("A1b2c3d4e5f6a7b", AlarmState.RAISED, "E-HN-COAL-01.dispatch", "138****0102",
                        "E-HN-COAL-01", "scripted", Notification.Result.SENT, RAISED_TEXT, now, 1, "m-2", null));
        assertThat(chain.offsets.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(1)));
        assertThat(chain.counters.snapshot().sent()).isEqualTo(2);
    }

    @Test
    void aReplayedAlarmIsNotSentAgainButItsNextStateIs() {
        Chain chain = Chain.plain();
        chain.alarm(TestAlarms.methane().build());
        chain.alarm(TestAlarms.methane().build());
        assertThat(chain.provider.sent).hasSize(2);

        chain.alarm(TestAlarms.methane().state(AlarmState.ESCALATED).build());
        assertThat(chain.provider.sent).hasSize(4);
        assertThat(chain.keys()).doesNotHaveDuplicates().hasSize(4);
        assertThat(chain.counters.snapshot().duplicates()).isEqualTo(2);
        assertThat(chain.offsets.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(3)));
    }

    @Test
    void backfilledIsSkippedAckAndHandledNotifyNobodyAndNoContactsIsFailed() {
        Chain chain = Chain.plain();
        chain.alarm(TestAlarms.methane().backfilled(true).build());
        chain.alarm(TestAlarms.methane().state(AlarmState.ACKNOWLEDGED).build());
        chain.alarm(TestAlarms.methane().id("A2").enterprise(TestAlarms.DUST, "某抛光厂").build());

        assertThat(chain.provider.sent).isEmpty();
        assertThat(chain.ledger).extracting(Notification::ledgerKey, Notification::result, Notification::error).containsExactly(
                org.assertj.core.groups.Tuple.tuple("A1b2c3d4e5f6a7b/RAISED/E-HN-COAL-01.safety", Notification.Result.SKIPPED,
                        "back-filled alarm: recorded, no live SMS"),
                org.assertj.core.groups.Tuple.tuple("A1b2c3d4e5f6a7b/RAISED/E-HN-COAL-01.dispatch", Notification.Result.SKIPPED,
                        "back-filled alarm: recorded, no live SMS"),
                org.assertj.core.groups.Tuple.tuple("A2/RAISED/none", Notification.Result.FAILED,
                        "no contacts for enterprise E-HN-DUST-01"));
        assertThat(chain.counters.snapshot().ignored()).isEqualTo(1);
        assertThat(chain.offsets.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(3)));
    }

    @Test
    void aFatalAnswerIsRecordedFailedWithTheReasonAndTriedAgainOnReplay() {
        Chain chain = new Chain(new ScriptedProvider(SendOutcome.fatal("invalid destination")), Duration.ZERO, 1,
                Duration.ZERO, Duration.ZERO, Duration.ZERO, 0);
        chain.alarm(TestAlarms.methane().build());
        assertThat(chain.ledger).extracting(Notification::result, Notification::error).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Notification.Result.FAILED, "fatal: invalid destination"),
                org.assertj.core.groups.Tuple.tuple(Notification.Result.SENT, null));
        chain.alarm(TestAlarms.methane().build());
        assertThat(chain.ledger).extracting(Notification::result).containsExactly(Notification.Result.FAILED,
                Notification.Result.SENT, Notification.Result.SENT);
        assertThat(chain.ledger.get(2).recipientId()).isEqualTo("E-HN-COAL-01.safety");
    }

    @Test
    void duringAnOutageEverySmsWaitsWithBackoffAndIsDeliveredOnceWhenTheProviderReturns() {
        SendOutcome down = SendOutcome.retryable("connection refused");
        Chain chain = new Chain(new ScriptedProvider(down, down, down), Duration.ZERO, 1, Duration.ZERO, Duration.ZERO,
                Duration.ZERO, 0);
        chain.alarm(TestAlarms.methane().build());
        chain.alarm(TestAlarms.ammonia("HN-ZZ-NH3-01", TestAlarms.T0.toEpochMilli()).build());
        assertThat(chain.provider.sent).hasSize(1);
        assertThat(chain.ledger).isEmpty();
        assertThat(chain.counters.snapshot().backlog()).isEqualTo(3);
        assertThat(chain.offsets.committable()).isEmpty();

        chain.after(Duration.ofMillis(999));
        assertThat(chain.provider.sent).as("gate closed for the 1 s backoff").hasSize(1);
        chain.after(Duration.ofMillis(1));
        chain.after(Duration.ofSeconds(2));
        assertThat(chain.provider.sent).hasSize(3);
        chain.after(Duration.ofSeconds(4));

        assertThat(chain.provider.delivered).extracting(SmsMessage::phone)
                .containsExactlyInAnyOrder("13800000101", "13800000102", "13900000201");
        assertThat(chain.keys()).hasSize(3).doesNotHaveDuplicates();
        assertThat(chain.ledger).allSatisfy(n -> assertThat(n.result()).isEqualTo(Notification.Result.SENT));
        assertThat(chain.counters.snapshot().retried()).isEqualTo(3);
        assertThat(chain.counters.snapshot().backlog()).isZero();
        assertThat(chain.offsets.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(2)));
    }

    @Test
    void whenTheLedgerIsDownTheOutcomeIsKeptNotResentAndTheOffsetWaits() {
        Chain chain = Chain.plain();
        chain.ledgerDown = true;
        chain.alarm(TestAlarms.methane().build());
        chain.after(Duration.ofSeconds(5));
        assertThat(chain.provider.sent).hasSize(2);
        assertThat(chain.offsets.committable()).isEmpty();
        chain.alarm(TestAlarms.methane().build());
        assertThat(chain.counters.snapshot().duplicates()).as("in flight, not queued twice").isEqualTo(2);

        chain.ledgerDown = false;
        chain.after(Duration.ofSeconds(1));
        assertThat(chain.provider.sent).hasSize(2);
        assertThat(chain.keys()).hasSize(2);
        assertThat(chain.offsets.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(2)));
    }

    @Test
    void aStormOfOneEnterpriseBecomesOneSummaryPerOfficerWithEveryAlarmInTheLedger() {
        Chain chain = new Chain(new ScriptedProvider(), Duration.ofSeconds(60), 2, Duration.ZERO, Duration.ZERO,
                Duration.ZERO, 0);
        for (int i = 0; i < 6; i++) {
            chain.alarm(TestAlarms.methane("HN-PDS-CM01-CH4-T" + i, TestAlarms.T0.toEpochMilli() + i).location("工作面T" + i).build());
            chain.after(Duration.ofSeconds(1));
        }
        assertThat(chain.provider.sent).hasSize(4);
        assertThat(chain.offsets.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(2)));
        chain.after(Duration.ofSeconds(60));

        assertThat(chain.provider.sent).hasSize(6);
        List<SmsMessage> summaries = chain.provider.sent.subList(4, 6);
        assertThat(summaries).extracting(SmsMessage::phone).containsExactlyInAnyOrder("13800000101", "13800000102");
        assertThat(summaries).allSatisfy(s -> assertThat(s.text())
                .startsWith("【安监】平顶山某煤矿 16:00:09-16:01:13 报警4条：工作面T2 CH4 1.62% 超二级阈值1.5%（二级报警）；工作面T3")
                .contains("等 详见监控平台 编号"));
        assertThat(chain.keys()).hasSize(12).doesNotHaveDuplicates();
        Map<String, List<String>> idsByRecipient = chain.ledger.stream().collect(Collectors.groupingBy(
                Notification::recipientId, Collectors.mapping(Notification::providerMessageId, Collectors.toList())));
        List<String> safetyIds = idsByRecipient.get("E-HN-COAL-01.safety");
        assertThat(safetyIds).hasSize(6);
        assertThat(safetyIds.subList(2, 6)).containsOnly(safetyIds.get(2));
        assertThat(chain.counters.snapshot().summaries()).isEqualTo(2);
        assertThat(chain.counters.snapshot().grouped()).isEqualTo(8);
        assertThat(chain.offsets.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(6)));
    }

    @Test
    void anUnacknowledgedAlarmGoesToTheHeadThenTheRegulatorAndTheClearedNoticeToAllWhoWereTold() {
        Chain chain = new Chain(new ScriptedProvider(), Duration.ZERO, 1, Duration.ofMinutes(10), Duration.ofMinutes(20),
                Duration.ZERO, 0);
        chain.alarm(TestAlarms.methane().build());
        chain.after(Duration.ofMinutes(9));
        assertThat(chain.phones()).containsExactly("13800000101", "13800000102");
        chain.after(Duration.ofMinutes(1));
        assertThat(chain.phones()).endsWith("13800000103");
        assertThat(chain.provider.sent.get(2).text()).startsWith("【安监】报警10分钟未确认 平顶山某煤矿 1201回采工作面T1");
        chain.after(Duration.ofMinutes(19));
        assertThat(chain.provider.sent).hasSize(3);
        chain.after(Duration.ofMinutes(1));
        assertThat(chain.phones()).endsWith("13900004101");
        chain.after(Duration.ofMinutes(60));
        assertThat(chain.provider.sent).hasSize(4);

        chain.alarm(TestAlarms.methane().state(AlarmState.CLEARED).value(0.8).threshold(1.0).build());
        assertThat(chain.phones().subList(4, 8)).containsExactlyInAnyOrder("13800000101", "13800000102", "13800000103",
                "13900004101");
        assertThat(chain.keys()).hasSize(8).doesNotHaveDuplicates().contains(
                "A1b2c3d4e5f6a7b/RAISED/E-HN-COAL-01.head", "A1b2c3d4e5f6a7b/RAISED/R-410400.day",
                "A1b2c3d4e5f6a7b/CLEARED/R-410400.day");
        chain.after(Duration.ofHours(2));
        assertThat(chain.provider.sent).hasSize(8);
        assertThat(chain.counters.snapshot().escalations()).isEqualTo(2);
    }

    @Test
    void anAcknowledgementByCommandStopsEscalationAndReminders() {
        Chain chain = new Chain(new ScriptedProvider(), Duration.ZERO, 1, Duration.ofMinutes(10), Duration.ofMinutes(20),
                Duration.ofMinutes(5), 0);
        AlarmEvent alarm = TestAlarms.methane().build();
        chain.alarm(alarm);
        chain.after(Duration.ofMinutes(5));
        assertThat(chain.provider.sent).hasSize(4);
        assertThat(chain.provider.sent.get(2).text()).startsWith("【安监】第1次提醒 报警未确认 平顶山某煤矿");
        assertThat(chain.keys()).contains("A1b2c3d4e5f6a7b/RAISED/E-HN-COAL-01.safety#reminder-1");

        chain.book.apply(new AlarmCommand(AlarmCommand.Type.ACKNOWLEDGE, alarm.alarmId(), alarm.deviceId(), "王建国", "已处置通风",
                chain.clock.millis(), 0));
        chain.after(Duration.ofHours(3));
        assertThat(chain.provider.sent).hasSize(4);
    }

    @Test
    void escalationTimersComeFromTheLedgerSoARestartEscalatesOnceAtTheSameMoment() {
        Chain before = new Chain(new ScriptedProvider(), Duration.ZERO, 1, Duration.ofMinutes(10), Duration.ZERO,
                Duration.ZERO, 0);
        AlarmEvent alarm = TestAlarms.methane().build();
        before.alarm(alarm);
        before.after(Duration.ofMinutes(4));

        Chain after = new Chain(new ScriptedProvider(), Duration.ZERO, 1, Duration.ofMinutes(10), Duration.ZERO,
                Duration.ZERO, 0);
        after.clock.set(before.clock.instant());
        before.ledger.forEach(n -> {
            after.index.record(n.ledgerKey(), n.result());
            after.history.record(n);
        });
        after.book.apply(alarm, 0, 0);
        after.after(Duration.ofMinutes(5));
        assertThat(after.provider.sent).isEmpty();
        after.after(Duration.ofMinutes(1));
        assertThat(after.phones()).containsExactly("13800000103");
        after.after(Duration.ofMinutes(30));
        assertThat(after.phones()).containsExactly("13800000103");
    }
}
