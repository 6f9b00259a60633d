package dev.anjian.alerting.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.alerting.TestAlarms;
import dev.anjian.events.AlarmState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatePolicyTest {

    private final StatePolicy policy = new StatePolicy();

    @ParameterizedTest(name = "{0}, back-filled {1} -> {2}")
    @CsvSource({
            "RAISED,       false, SEND",
            "ESCALATED,    false, SEND",
            "CLEARED,      false, SEND",
            "ACKNOWLEDGED, false, NONE",
            "HANDLED,      false, NONE",
            "RAISED,       true,  RECORD_SKIPPED",
            "ESCALATED,    true,  RECORD_SKIPPED",
            "CLEARED,      true,  RECORD_SKIPPED",
            "ACKNOWLEDGED, true,  NONE",
            "HANDLED,      true,  NONE",
    })
    void decidesWhichStateChangesReachAPhone(AlarmState state, boolean backfilled, StatePolicy.Action action) {
        StatePolicy.Decision decision = policy.decide(TestAlarms.methane().state(state).backfilled(backfilled).build());
        assertThat(decision.action()).isEqualTo(action);
        assertThat(decision.reason()).isNotBlank();
    }
}
