package dev.anjian.alerting.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.alerting.ledger.LedgerIndex;
import dev.anjian.events.AlarmState;
import dev.anjian.events.Notification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeduplicatorTest {

    private static final String KEY = Notification.ledgerKey("A1b2c3d4e5f6a7b", AlarmState.RAISED, "E-HN-COAL-01.safety");

    @ParameterizedTest(name = "ledger has {0} for {1} -> send {2} ({3})")
    @CsvSource(nullValues = "NULL", value = {
            "NULL,    A1b2c3d4e5f6a7b/RAISED/E-HN-COAL-01.safety,    true,  new",
            "SENT,    A1b2c3d4e5f6a7b/RAISED/E-HN-COAL-01.safety,    false, already sent",
            "SKIPPED, A1b2c3d4e5f6a7b/RAISED/E-HN-COAL-01.safety,    false, already recorded as skipped",
            "FAILED,  A1b2c3d4e5f6a7b/RAISED/E-HN-COAL-01.safety,    true,  'earlier attempt failed, trying again'",
            "SENT,    A1b2c3d4e5f6a7b/ESCALATED/E-HN-COAL-01.safety, true,  new",
            "SENT,    A1b2c3d4e5f6a7b/RAISED/E-HN-COAL-01.dispatch,  true,  new",
            "SENT,    A000000000000ff/RAISED/E-HN-COAL-01.safety,    true,  new",
    })
    void oneNotificationPerAlarmStateAndRecipient(Notification.Result inLedger, String asked, boolean send, String reason) {
        LedgerIndex index = new LedgerIndex(10);
        if (inLedger != null) {
            index.record(KEY, inLedger);
        }
        Deduplicator.Decision decision = new Deduplicator(index).decide(asked);
        assertThat(decision.send()).isEqualTo(send);
        assertThat(decision.reason()).isEqualTo(reason);
    }

    @org.junit.jupiter.api.Test
    void aKeyHeldOrQueuedIsNotQueuedAgain() {
        InFlight inFlight = new InFlight();
        inFlight.add(new Notice(Notice.Kind.STATE_CHANGE, RouterTest.COAL_SAFETY, "E-HN-COAL-01", "x", "t",
                java.util.List.of(new Notice.Item("A1b2c3d4e5f6a7b", AlarmState.RAISED, "E-HN-COAL-01.safety", "b", 0)),
                java.util.List.of(), 0));
        Deduplicator.Decision decision = new Deduplicator(new LedgerIndex(10), inFlight).decide(KEY);
        assertThat(decision.send()).isFalse();
        assertThat(decision.reason()).isEqualTo("already queued");
    }
}
