package dev.anjian.alerting.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.alerting.TestAlarms;
import dev.anjian.alerting.ledger.LedgerException;
import dev.anjian.alerting.ledger.LedgerIndex;
import dev.anjian.alerting.sms.SendOutcome;
import dev.anjian.alerting.sms.SmsMessage;
import dev.anjian.alerting.sms.SmsText;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmState;
import dev.anjian.events.Notification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole chain on one alarm at a time, with the ledger as a list and a scripted provider. */
class NotificationPipelineTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:07Z");
    private static final String RAISED_TEXT =
            "【安监】平顶山某煤矿 1201回采工作面T1 CH4 1.62% 超二级阈值1.5%（二级报警）2026-11-29 16:00:05 编号A1b2c3d4";

    private final ScriptedProvider provider = new ScriptedProvider();
    private final List<Notification> ledger = new ArrayList<>();
    private final LedgerIndex index = new LedgerIndex(100);
    private final AlertingCounters counters = new AlertingCounters();
    private boolean ledgerDown;
    private final NotificationPipeline pipeline = new NotificationPipeline(new StatePolicy(), new Router(RouterTest.TABLE),
            new Deduplicator(index), new SmsText(), new Sender(provider, 3, Duration.ofMillis(1), d -> { }), "scripted",
            n -> {
                if (ledgerDown) {
                    throw new LedgerException("broker away");
                }
                ledger.add(n);
            }, counters, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aRaisedAlarmIsSentToEachSafetyOfficerAndRecordedWithMaskedPhones() {
        List<Notification> recorded = pipeline.process(TestAlarms.methane().build());

        assertThat(provider.sent).extracting(SmsMessage::phone).containsExactly("13800000101", "13800000102");
        assertThat(provider.sent).extracting(SmsMessage::text).containsOnly(RAISED_TEXT);
        assertThat(ledger).isEqualTo(recorded).containsExactly(
                new Notification("A1b2c3d4e5f6a7b", AlarmState.RAISED, "E-HN-COAL-01.safety", "138****0101",
                        "E-HN-COAL-01", "scripted", Notification.Result.SENT, RAISED_TEXT, NOW.toEpochMilli(), 1, "m-1", null),
                new Notification("A1b2c3d4e5f6a7b", AlarmState.RAISED, "E-HN-COAL-01.dispatch", "138****0102",
                        "E-HN-COAL-01", "scripted", Notification.Result.SENT, RAISED_TEXT, NOW.toEpochMilli(), 1, "m-2", null));
        assertThat(counters.snapshot()).isEqualTo(new AlertingCounters.Snapshot(1, 2, 0, 0, 0, 0, 0));
    }

    @Test
    void aReplayedAlarmIsNotSentAgainButItsNextStateIs() {
        pipeline.process(TestAlarms.methane().build());
        assertThat(pipeline.process(TestAlarms.methane().build())).isEmpty();
        assertThat(provider.sent).hasSize(2);

        pipeline.process(TestAlarms.methane().state(AlarmState.ESCALATED).build());
        assertThat(provider.sent).hasSize(4);
        assertThat(ledger).extracting(Notification::ledgerKey).doesNotHaveDuplicates().hasSize(4);
        assertThat(counters.snapshot().duplicates()).isEqualTo(2);
    }

    @Test
    void aBackfilledAlarmIsRecordedAsSkippedWithoutSms() {
        pipeline.process(TestAlarms.methane().backfilled(true).build());
        assertThat(provider.sent).isEmpty();
        assertThat(ledger).hasSize(2).allSatisfy(n -> {
            assertThat(n.result()).isEqualTo(Notification.Result.SKIPPED);
            assertThat(n.error()).isEqualTo("back-filled alarm: recorded, no live SMS");
            assertThat(n.attempts()).isZero();
        });
        pipeline.process(TestAlarms.methane().backfilled(true).build());
        assertThat(ledger).hasSize(2);
    }

    @Test
    void acknowledgedAndHandledNotifyNobodyAndRecordNothing() {
        pipeline.process(TestAlarms.methane().state(AlarmState.ACKNOWLEDGED).build());
        pipeline.process(TestAlarms.methane().state(AlarmState.HANDLED).build());
        assertThat(provider.sent).isEmpty();
        assertThat(ledger).isEmpty();
        assertThat(counters.snapshot().ignored()).isEqualTo(2);
    }

    @Test
    void anEnterpriseWithoutContactsIsRecordedAsFailedNotSilent() {
        AlarmEvent alarm = TestAlarms.methane().enterprise(TestAlarms.DUST, "某抛光厂").build();
        pipeline.process(alarm);
        assertThat(provider.sent).isEmpty();
        assertThat(ledger).singleElement().satisfies(n -> {
            assertThat(n.result()).isEqualTo(Notification.Result.FAILED);
            assertThat(n.recipientId()).isEqualTo(NotificationPipeline.NO_RECIPIENT);
            assertThat(n.enterpriseId()).isEqualTo(TestAlarms.DUST);
            assertThat(n.error()).isEqualTo("no contacts for enterprise E-HN-DUST-01");
        });
    }

    @Test
    void aFailedSendIsRecordedAndTriedAgainWhenTheAlarmIsReplayed() {
        provider.then(SendOutcome.fatal("invalid destination"));
        pipeline.process(TestAlarms.methane().build());
        assertThat(ledger).extracting(Notification::result)
                .containsExactly(Notification.Result.FAILED, Notification.Result.SENT);

        pipeline.process(TestAlarms.methane().build());
        assertThat(ledger).extracting(Notification::result)
                .containsExactly(Notification.Result.FAILED, Notification.Result.SENT, Notification.Result.SENT);
        assertThat(ledger.get(2).recipientId()).isEqualTo("E-HN-COAL-01.safety");
    }

    @Test
    void whenTheLedgerIsDownTheOutcomeIsNotRememberedSoARetryRecordsIt() {
        ledgerDown = true;
        assertThatThrownBy(() -> pipeline.process(TestAlarms.methane().build())).isInstanceOf(LedgerException.class);
        assertThat(index.size()).isZero();

        ledgerDown = false;
        pipeline.process(TestAlarms.methane().build());
        assertThat(ledger).hasSize(2);
    }
}
