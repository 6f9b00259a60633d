package dev.anjian.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SteadyStateTest {

    /**
     * 0..60 s: 400 msg/s published (1,200 readings/s) plus 10 vehicle reports/s, 1,210 events/s on Kafka, 1,000
     * points/s from 10 s on: the backlog grows 210 readings/s.
     */
    private static List<Sample> run() {
        List<Sample> s = new ArrayList<>();
        for (int t = 0; t <= 60; t++) {
            long points = Math.max(0, (t - 10) * 1_000L);
            s.add(new Sample(t, t * 400L, t * 400L, t * 1_210L, points, -1, t * 10L, 0, 0));
        }
        return s;
    }

    @Test
    void rateIsTheIncreaseInsideTheWindowOverItsDuration() {
        assertThat(SteadyState.rate(run(), 20, 60, Sample::influxPoints)).isEqualTo(1_000);
        assertThat(SteadyState.rate(run(), 20, 60, Sample::published)).isEqualTo(400);
    }

    @Test
    void slopeOfTheBacklogIsItsGrowthPerSecond() {
        assertThat(SteadyState.slope(run(), 20, 60, Sample::backlog)).isCloseTo(210, within(1e-9));
        assertThat(SteadyState.slope(run(), 20, 60, Sample::kafkaBacklog)).isCloseTo(210, within(1e-9));
        assertThat(SteadyState.slope(run(), 20, 60, Sample::published)).isCloseTo(400, within(1e-9));
    }

    @Test
    void tooFewSamplesGiveZero() {
        assertThat(SteadyState.rate(run(), 30, 30, Sample::influxPoints)).isZero();
        assertThat(SteadyState.slope(run(), 70, 80, Sample::backlog)).isZero();
    }

    @Test
    void progressLineShowsRatesOverTheLastWindow() {
        String line = ProgressLine.of("broker", 120, run(), 5, 20, 10);
        assertThat(line).isEqualTo("[ 60s/120s broker] offered 400 msg/s acked 400 | kafka 1,210 ev/s | influx 1,000 pt/s"
                + " | backlog 22,600 | alarms 0/20 | offline 0/10"); // 60 x 1,200 + 600 - 50,000
        assertThat(ProgressLine.of("native", 120, List.of(), 5, 0, 0)).isEqualTo("[ 0s/120s native] starting");
    }
}
