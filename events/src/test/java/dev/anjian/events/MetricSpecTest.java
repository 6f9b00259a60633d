package dev.anjian.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricSpecTest {

    static final MetricSpec METHANE_T1 = new MetricSpec("CH4", "%", Direction.HIGH, List.of(1.0, 1.5), 1.0, 0, 0);
    static final MetricSpec OXYGEN = new MetricSpec("O2", "%VOL", Direction.LOW, List.of(19.5, 18.0), 20.0, 0, 0);

    @Test
    void levelOfAHighMetricIsTheHighestLevelReached() {
        assertThat(METHANE_T1.levelOf(0.99)).isZero();
        assertThat(METHANE_T1.levelOf(1.0)).isEqualTo(1);
        assertThat(METHANE_T1.levelOf(1.49)).isEqualTo(1);
        assertThat(METHANE_T1.levelOf(1.5)).isEqualTo(2);
        assertThat(METHANE_T1.threshold(2)).isEqualTo(1.5);
    }

    @Test
    void levelOfALowMetricCountsDownwards() {
        assertThat(OXYGEN.levelOf(20.9)).isZero();
        assertThat(OXYGEN.levelOf(19.0)).isEqualTo(1);
        assertThat(OXYGEN.levelOf(17.0)).isEqualTo(2);
        assertThat(Direction.LOW.clears(20.1, OXYGEN.clear())).isTrue();
        assertThat(Direction.LOW.clears(19.9, OXYGEN.clear())).isFalse();
    }

    @Test
    void clearMustBeOnTheSafeSideOfLevelOne() {
        assertThatThrownBy(() -> new MetricSpec("CO", "ppm", Direction.HIGH, List.of(24.0), 30.0, 0, 0))
                .hasMessageContaining("field 'clear' (30.0) must be on the safe side of level 1 (24.0)");
    }

    @Test
    void alarmIdsAreDeterministicAndDistinct() {
        String id = AlarmIds.of("HN-PDS-CM01-CH4-T1", "threshold:CH4", 1764403200000L);
        assertThat(id).isEqualTo(AlarmIds.of("HN-PDS-CM01-CH4-T1", "threshold:CH4", 1764403200000L))
                .matches("A[0-9a-f]{15}")
                .isNotEqualTo(AlarmIds.of("HN-PDS-CM01-CH4-T1", "threshold:CH4", 1764403200001L))
                .isNotEqualTo(AlarmIds.of("HN-PDS-CM01-CH4-T2", "threshold:CH4", 1764403200000L));
        assertThat(AlarmIds.shortForm(id)).hasSize(8).isEqualTo(id.substring(0, 8));
    }
}
