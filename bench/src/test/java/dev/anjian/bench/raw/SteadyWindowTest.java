package dev.anjian.bench.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SteadyWindowTest {

    @Test
    void warmUpIsAFifthOfTheRunBetweenTwoSecondsAndHalfOfIt() {
        assertThat(SteadyWindow.of(Duration.ofSeconds(30)))
                .isEqualTo(new SteadyWindow(Duration.ofSeconds(6), Duration.ofSeconds(24)));
        assertThat(SteadyWindow.of(Duration.ofSeconds(5)).warmUp()).isEqualTo(Duration.ofSeconds(2));
        assertThat(SteadyWindow.of(Duration.ofSeconds(3)).warmUp()).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> SteadyWindow.of(Duration.ofMillis(999))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRateIsTheCounterDeltaOverTheMeasuredPartAndProbesFrameIt() throws Exception {
        AtomicLong reads = new AtomicLong();
        List<String> calls = new ArrayList<>();
        AtomicLong other = new AtomicLong(500);
        SteadyWindow.Counter second = new SteadyWindow.Counter(other::get);
        SteadyWindow.Probe recorder = new SteadyWindow.Probe() {
            @Override
            public void start() {
                calls.add("start at read " + reads.get());
            }

            @Override
            public void end() {
                calls.add("end at read " + reads.get());
                other.addAndGet(-200); // after the second counter's end: not in its delta
            }
        };

        // Counter readings: 1,000 when the window starts, 1,010 when it ends.
        SteadyWindow.Rate rate = new SteadyWindow(Duration.ZERO, Duration.ofMillis(10))
                .measure(() -> 1_000 + 10 * reads.getAndIncrement(), SteadyWindow.Probe.all(second, recorder));

        assertThat(calls).containsExactly("start at read 0", "end at read 2");
        assertThat(rate.count()).isEqualTo(10);
        assertThat(second.delta()).isZero();
        assertThat(rate.seconds()).isPositive();
        assertThat(rate.perSecond()).isEqualTo(10 / rate.seconds());
    }
}
