package dev.anjian.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NiceScaleTest {

    @Test
    void roundsTheRangeOutToNiceTicks() {
        NiceScale scale = NiceScale.of(0, 43_170, 6);

        assertThat(scale.step()).isEqualTo(10_000);
        assertThat(scale.ticks()).containsExactly(0.0, 10_000.0, 20_000.0, 30_000.0, 40_000.0, 50_000.0);
        assertThat(scale.label(40_000)).isEqualTo("40,000");
        assertThat(scale.fraction(25_000)).isEqualTo(0.5);
    }

    @Test
    void smallStepsGetDecimalsAndAFlatRangeStillHasAnAxis() {
        assertThat(NiceScale.of(0, 0.9, 6).label(0.2)).isEqualTo("0.2");
        NiceScale flat = NiceScale.of(0, 0, 6);
        assertThat(flat.max()).isGreaterThan(flat.min());
        assertThat(flat.ticks()).hasSizeGreaterThan(1);
    }
}
