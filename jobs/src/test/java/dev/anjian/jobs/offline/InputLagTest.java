package dev.anjian.jobs.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Processing times from {@link #T}, a window boundary: windows are [T, T+1 s), [T+1 s, T+2 s), ... */
class InputLagTest {

    private static final long T = 1_796_025_600_000L;

    private final InputLag lag = new InputLag();

    @Test
    void nothingReadIsNoLag() {
        assertThat(lag.millis(T)).isZero();
    }

    @Test
    void isTheSmallestSampleOfTheCurrentAndThePreviousWindow() {
        lag.sample(T + 100 - 20_000, T + 100);
        assertThat(lag.millis(T + 100)).isEqualTo(20_000);
        lag.sample(T + 500 - 5_000, T + 500);
        assertThat(lag.millis(T + 900)).isEqualTo(5_000);

        lag.sample(T + 1_100 - 8_000, T + 1_100);
        assertThat(lag.millis(T + 1_200)).as("the previous window's 5 s still counts").isEqualTo(5_000);

        lag.sample(T + 2_100 - 9_000, T + 2_100);
        assertThat(lag.millis(T + 2_200)).as("5 s was two windows ago: dropped").isEqualTo(8_000);
    }

    @Test
    void readingNothingKeepsTheLastLagMeasuredForAStallThenCountsAsIdle() {
        lag.sample(T + 100 - 20_000, T + 100);
        lag.sample(T + 1_100 - 25_000, T + 1_100);

        assertThat(lag.millis(T + 1_999)).isEqualTo(20_000);
        assertThat(lag.millis(T + 2_500)).as("only the latest window").isEqualTo(25_000);
        assertThat(lag.millis(T + 1_100 + InputLag.STALL_MILLIS)).as("stalled: the last lag measured").isEqualTo(25_000);
        assertThat(lag.millis(T + 1_101 + InputLag.STALL_MILLIS)).as("idle: nothing queued that we know of").isZero();

        lag.sample(T + 61_000 - 30, T + 61_000);
        assertThat(lag.millis(T + 61_000)).as("a fresh event").isEqualTo(30);
    }

    @Test
    void aSampleAfterSkippedWindowsDoesNotReviveOldOnes() {
        lag.sample(T + 100 - 5_000, T + 100);
        lag.sample(T + 3_500 - 30_000, T + 3_500);

        assertThat(lag.millis(T + 3_600)).isEqualTo(30_000);
        assertThat(lag.millis(T + 4_100)).isEqualTo(30_000);
    }

    @Test
    void aGatewayClockAheadOfOursIsNoLag() {
        lag.sample(T + 20_000, T + 100);
        assertThat(lag.millis(T + 100)).isZero();

        lag.sample(T + 200 - 20_000, T + 200);
        assertThat(lag.millis(T + 200)).as("still the smallest: 0").isZero();
    }

    @Test
    void oneFreshSourceOutweighsAGatewayWhoseClockRunsBehind() {
        lag.sample(T + 100 - 300_000, T + 100);
        assertThat(lag.millis(T + 100)).as("the only source: it counts").isEqualTo(300_000);

        lag.sample(T + 150 - 40, T + 150);
        assertThat(lag.millis(T + 150)).isEqualTo(40);
    }
}
