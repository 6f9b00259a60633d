package dev.anjian.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToTen() {
        Percentiles p = Percentiles.of(new long[] {7, 3, 10, 1, 5, 2, 9, 4, 8, 6});
        assertThat(p).isEqualTo(new Percentiles(10, 5, 10, 10, 10));
    }

    @Test
    void ofAThousandSamples() {
        Percentiles p = Percentiles.of(LongStream.rangeClosed(1, 1_000).toArray());
        assertThat(p.p50()).isEqualTo(500);
        assertThat(p.p95()).isEqualTo(950);
        assertThat(p.p99()).isEqualTo(990);
        assertThat(p.max()).isEqualTo(1_000);
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        assertThat(Percentiles.of(List.of(42L))).isEqualTo(new Percentiles(1, 42, 42, 42, 42));
    }

    @Test
    void noSamplesIsNone() {
        assertThat(Percentiles.of(List.of())).isEqualTo(Percentiles.NONE);
    }

    @Test
    void doesNotReorderTheCallersArray() {
        long[] samples = {3, 1, 2};
        Percentiles.of(samples);
        assertThat(samples).containsExactly(3, 1, 2);
    }

    @Test
    void histogramAgreesWithTheExactPercentiles() {
        LatencyHistogram h = new LatencyHistogram();
        long[] samples = LongStream.rangeClosed(1, 1_000).map(i -> (i * 7919) % 1_000).toArray();
        for (long s : samples) {
            h.record(s);
        }
        assertThat(h.percentiles()).isEqualTo(Percentiles.of(samples));
    }

    @Test
    void histogramKeepsTheTrueMaximumBeyondItsLastBucket() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(5);
        h.record(120_000);
        assertThat(h.percentiles().max()).isEqualTo(120_000);
        assertThat(h.percentiles().p99()).isEqualTo(60_000); // capped at the last bucket
        assertThat(new LatencyHistogram().percentiles()).isEqualTo(Percentiles.NONE);
    }
}
