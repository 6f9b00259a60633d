package dev.anjian.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IncidentPlanTest {

    @Test
    void breachesAreSpreadOverTheWindowEachOnItsOwnEnterprise() {
        // window [20 s, 100 s): 3 s breaches must end 2 s before its end -> room 75 s
        IncidentPlan plan = IncidentPlan.spread(1_000, 10, 3, 0, 20_000, 20_000, 100_000, 3_000, 10_000);
        assertThat(plan.breaches()).containsExactly(
                new IncidentPlan.Breach(0, 20_000, 23_000),
                new IncidentPlan.Breach(10, 45_000, 48_000),
                new IncidentPlan.Breach(20, 70_000, 73_000));
    }

    @Test
    void silencesUseTheEnterprisesAfterTheBreachesAndEndBeforeTheWindowDoes() {
        IncidentPlan plan = IncidentPlan.spread(1_000, 10, 2, 2, 20_000, 30_000, 100_000, 3_000, 10_000);
        assertThat(plan.silences()).containsExactly(new IncidentPlan.Silence(20, 30_000), new IncidentPlan.Silence(30, 59_000));
        IncidentPlan.Silence last = plan.silences().get(1);
        assertThat(last.stopMs() + 10_000 + 2_000).isLessThanOrEqualTo(100_000);
    }

    @Test
    void answersWhetherASensorBreachesOrIsSilentAtATime() {
        IncidentPlan plan = IncidentPlan.spread(100, 10, 1, 1, 10_000, 10_000, 60_000, 3_000, 10_000);
        assertThat(plan.breaching(0, 9_999)).isFalse();
        assertThat(plan.breaching(0, 10_000)).isTrue();
        assertThat(plan.breaching(0, 12_999)).isTrue();
        assertThat(plan.breaching(0, 13_000)).isFalse();
        assertThat(plan.breachOver(0, 13_000)).isTrue();
        assertThat(plan.breachOver(1, 13_000)).isFalse();
        assertThat(plan.silent(10, 9_999)).isFalse();
        assertThat(plan.silent(10, 10_000)).isTrue();
        assertThat(plan.silenced(10)).isTrue();
        assertThat(plan.silenced(11)).isFalse();
        assertThat(plan.hasBreach(0)).isTrue();
        assertThat(plan.hasBreach(-1)).isFalse();
        assertThat(plan.silenced(100)).isFalse();
    }

    @Test
    void refusesMoreIncidentsThanEnterprises() {
        assertThatThrownBy(() -> IncidentPlan.spread(100, 10, 8, 3, 0, 0, 100_000, 3_000, 10_000))
                .hasMessageContaining("need as many enterprises");
    }

    @Test
    void refusesAWindowTooShortForTheOfflineTimeout() {
        assertThatThrownBy(() -> IncidentPlan.spread(100, 10, 0, 1, 0, 0, 12_000, 3_000, 10_000))
                .hasMessageContaining("too short");
    }
}
