package dev.anjian.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long MS = 1_000_000;

    @Test
    void everyTickGivesTheTokensThatAccrued() {
        TokenBucket bucket = new TokenBucket(15_000, 3_000, 0);
        assertThat(bucket.take(5 * MS, Long.MAX_VALUE)).isEqualTo(75);
        assertThat(bucket.take(10 * MS, Long.MAX_VALUE)).isEqualTo(75);
    }

    @Test
    void oneSecondOfTicksGivesExactlyTheRate() {
        TokenBucket bucket = new TokenBucket(1_234, 1_000, 0);
        long total = 0;
        for (long t = 3 * MS; t <= 1_000 * MS; t += 3 * MS) { // 3 ms ticks: fractions carry over
            total += bucket.take(t, Long.MAX_VALUE);
        }
        total += bucket.take(1_000 * MS, Long.MAX_VALUE);
        assertThat(total).isBetween(1_233L, 1_234L);
    }

    @Test
    void aStallIsCaughtUpOnlyUpToTheBurst() {
        TokenBucket bucket = new TokenBucket(10_000, 500, 0);
        assertThat(bucket.take(1_000 * MS, Long.MAX_VALUE)).isEqualTo(500); // 10,000 accrued, 500 kept
        assertThat(bucket.take(1_001 * MS, Long.MAX_VALUE)).isEqualTo(10);
    }

    @Test
    void takesAtMostMaxAndKeepsTheRest() {
        TokenBucket bucket = new TokenBucket(1_000, 1_000, 0);
        assertThat(bucket.take(100 * MS, 30)).isEqualTo(30);
        assertThat(bucket.take(100 * MS, Long.MAX_VALUE)).isEqualTo(70);
    }

    @Test
    void refundedTokensAreTakenAgainWithinTheBurst() {
        TokenBucket bucket = new TokenBucket(1_000, 100, 0);
        long taken = bucket.take(100 * MS, Long.MAX_VALUE);
        bucket.refund(taken);
        bucket.refund(500);
        assertThat(bucket.take(100 * MS, Long.MAX_VALUE)).isEqualTo(100);
    }

    @Test
    void timeGoingBackwardsGivesNothing() {
        TokenBucket bucket = new TokenBucket(1_000, 1_000, 50 * MS);
        assertThat(bucket.take(10 * MS, Long.MAX_VALUE)).isZero();
    }

    @Test
    void refusesANonPositiveRate() {
        assertThatThrownBy(() -> new TokenBucket(0, 10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
