package dev.anjian.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.anjian.events.Direction;
import dev.anjian.events.MetricSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalRangeTest {

    @Test
    void knownMetricsUseTheirTypicalRange() {
        assertThat(NormalRange.of(spec("CO", Direction.HIGH, List.of(24.0, 160.0), 20))).isEqualTo(new NormalRange(2, 6));
    }

    @Test
    void theBagFilterDifferentialPressureSitsAroundTheBaselineItsLevelCameFrom() {
        NormalRange dp = NormalRange.of(spec("DP", Direction.HIGH, List.of(1440.0), 1400));
        assertThat(dp.low()).isCloseTo(1164, within(0.01));
        assertThat(dp.high()).isCloseTo(1236, within(0.01));
    }

    @Test
    void thresholdsInsideTheTypicalRangeOrUnknownMetricsFallBackToOneRelativeToLevelOne() {
        assertThat(NormalRange.of(spec("CO", Direction.HIGH, List.of(5.0), 4))).isEqualTo(new NormalRange(0.5, 1.0));
        NormalRange oxygen = NormalRange.of(spec("O2", Direction.LOW, List.of(19.5, 18.0), 20));
        assertThat(oxygen.low()).isGreaterThan(20 * 1.03);
        assertThat(oxygen.high()).isLessThan(21.1);
    }

    private static MetricSpec spec(String name, Direction direction, List<Double> levels, double clear) {
        return new MetricSpec(name, "u", direction, levels, clear, 0, 1);
    }
}
