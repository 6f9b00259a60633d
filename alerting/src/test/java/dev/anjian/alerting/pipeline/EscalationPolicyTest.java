package dev.anjian.alerting.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Escalation decisions on a minute timeline (tier 1 told at minute 0): tier 2 after 10 min, tier 3 20 min
 * after tier 2, reminders every 5 min up to 3.
 */
class EscalationPolicyTest {

    private static final long MIN = 60_000;
    private final EscalationPolicy policy = new EscalationPolicy(Duration.ofMinutes(10), Duration.ofMinutes(20),
            Duration.ofMinutes(5), 3);

    @ParameterizedTest(name = "open {0}, tier1 {1}, tier2 {2}, tier3 {3}, reminded {4}, now {5} -> {6}")
    @CsvSource(delimiter = '|', value = {
            // open | tier1At | tier2At | tier3At | last reminder | now (min) | steps
            "true  | 0  | -1 | -1 | 0 | 4   | ''",
            "true  | 0  | -1 | -1 | 0 | 5   | R1",
            "true  | 0  | -1 | -1 | 1 | 9   | ''",
            "true  | 0  | -1 | -1 | 1 | 10  | E2 R2",
            "true  | 0  | 10 | -1 | 3 | 29  | ''",
            "true  | 0  | 10 | -1 | 3 | 30  | E3",
            "true  | 0  | 10 | 30 | 3 | 300 | ''",
            "true  | 0  | -1 | -1 | 0 | 300 | E2 R3",
            "true  | -1 | -1 | -1 | 0 | 300 | ''",
            "false | 0  | -1 | -1 | 0 | 300 | ''",
            "true  | 0  | 12 | -1 | 3 | 31  | ''",
            "true  | 0  | 10 | -1 | 2 | 15  | R3",
            "true  | 0  | 12 | -1 | 3 | 32  | E3",
    })
    void decides(boolean open, long tier1, long tier2, long tier3, int reminded, long now, String steps) {
        List<EscalationPolicy.Step> decided = policy.decide(open,
                new EscalationPolicy.Facts(at(tier1), at(tier2), at(tier3), reminded), now * MIN);
        assertThat(decided.stream().map(EscalationPolicyTest::name).toList())
                .containsExactly(steps.isBlank() ? new String[0] : steps.split(" "));
    }

    @ParameterizedTest(name = "tier2 off: tier 3 counts from tier 1, now {0} -> {1}")
    @CsvSource(delimiter = '|', value = {"19 | ''", "20 | E3"})
    void aSwitchedOffTierIsSkipped(long now, String steps) {
        EscalationPolicy noTier2 = new EscalationPolicy(Duration.ZERO, Duration.ofMinutes(20), Duration.ZERO, 0);
        assertThat(noTier2.decide(true, new EscalationPolicy.Facts(0, -1, -1, 0), now * MIN).stream()
                .map(EscalationPolicyTest::name).toList()).containsExactly(steps.isBlank() ? new String[0] : steps.split(" "));
    }

    private static long at(long minute) {
        return minute < 0 ? -1 : minute * MIN;
    }

    private static String name(EscalationPolicy.Step step) {
        return step instanceof EscalationPolicy.Escalate e ? "E" + e.tier() : "R" + ((EscalationPolicy.Remind) step).number();
    }
}
