package dev.anjian.alerting.influx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.events.AlarmState;
import dev.anjian.events.Notification;
import org.junit.jupiter.api.Test;

/** The ledger record -> point mapping, pinned as line protocol: the schema the pipeline dashboard queries. */
class NotificationPointTest {

    /** 2024-05-06T08:00:09.123Z. */
    private static final long ATTEMPTED_AT = 1_714_982_409_123L;

    private static Notification sent(String alarmId, String recipientId, String masked) {
        return new Notification(alarmId, AlarmState.RAISED, recipientId, masked, "E-HN-COAL-01", "smpp",
                Notification.Result.SENT, "【安监】...", ATTEMPTED_AT, 1, "m-1", null);
    }

    @Test
    void aLedgerRecordBecomesOneNotificationPointTaggedByEnterpriseChannelAndResult() {
        Notification n = sent("A1b2c3d4e5f6a7b", "E-HN-COAL-01.safety", "138****0101");

        String line = NotificationPoint.of(n).lineProtocol();

        long offset = Math.floorMod(n.ledgerKey().hashCode(), 1_000_000);
        assertThat(line).isEqualTo("notification,channel=sms,enterprise=E-HN-COAL-01,result=SENT"
                + " alarm_id=\"A1b2c3d4e5f6a7b\",recipient_masked=\"138****0101\" "
                + (ATTEMPTED_AT * 1_000_000 + offset));
    }

    @Test
    void failedAndSkippedKeepTheirResultAndARecordWithoutPhoneShowsTheRecipientId() {
        Notification nobody = new Notification("A1", AlarmState.RAISED, "none", "", "E-HN-NH3-01", "log",
                Notification.Result.FAILED, "t", ATTEMPTED_AT, 0, null, "no tier-1 contact");
        Notification skipped = new Notification("A2", AlarmState.RAISED, "R-1", "139****4101", "E-HN-NH3-01", "log",
                Notification.Result.SKIPPED, "t", ATTEMPTED_AT, 0, null, null);

        assertThat(NotificationPoint.of(nobody).lineProtocol())
                .startsWith("notification,channel=sms,enterprise=E-HN-NH3-01,result=FAILED alarm_id=\"A1\",recipient_masked=\"none\" ");
        assertThat(NotificationPoint.of(skipped).lineProtocol()).contains(",result=SKIPPED ");
    }

    /** A storm summary records several alarms at the same millisecond: each must stay its own point. */
    @Test
    void recordsOfTheSameMillisecondGetDistinctTimesAndTheSameRecordAlwaysTheSameTime() {
        Notification a = sent("A1", "E-HN-COAL-01.safety", "138****0101");
        Notification b = sent("A2", "E-HN-COAL-01.safety", "138****0101");
        Notification c = sent("A1", "E-HN-COAL-01.dispatch", "138****0102");

        assertThat(java.util.List.of(a, b, c)).extracting(NotificationPoint::timeNanos).doesNotHaveDuplicates()
                .allSatisfy(t -> assertThat(t / 1_000_000).isEqualTo(ATTEMPTED_AT));
        assertThat(NotificationPoint.timeNanos(a.withDelivery("DELIVRD", ATTEMPTED_AT + 5_000)))
                .isEqualTo(NotificationPoint.timeNanos(a));
    }
}
