package dev.anjian.simulator;

import static dev.anjian.simulator.Profile.NORMAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProfileTest {

    private final Profile leak = Profile.of(0, NORMAL, 10, 60, 20, 60, 30, NORMAL);

    @Test
    void interpolatesLinearlyAndStartsAndEndsAtTheNormalValue() {
        assertThat(leak.at(0, 5)).isEqualTo(5);
        assertThat(leak.at(5, 4)).isEqualTo(32);
        assertThat(leak.at(15, 4)).isEqualTo(60);
        assertThat(leak.at(25, 6)).isEqualTo(33);
        assertThat(leak.covers(29.9)).isTrue();
        assertThat(leak.covers(30)).isFalse();
        assertThat(leak.covers(-0.1)).isFalse();
    }

    @Test
    void secondsMustIncrease() {
        assertThatThrownBy(() -> Profile.of(0, 1, 0, 2)).hasMessageContaining("must increase");
    }
}
