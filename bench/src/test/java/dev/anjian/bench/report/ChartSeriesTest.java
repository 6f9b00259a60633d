package dev.anjian.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartSeriesTest {

    @Test
    void plotsOnlyRatesWhenThereAreAny() {
        Series rate = new Series("in", "readings/s", List.of());
        Series heap = new Series("heap", "MB", List.of());

        assertThat(ChartSeries.throughput(List.of(heap, rate))).containsExactly(rate);
        assertThat(ChartSeries.throughput(List.of(heap))).containsExactly(heap);
    }

    @Test
    void groupsMillisecondFiguresByNamePrefix() {
        var groups = ChartSeries.latencyGroups(List.of(
                new Figure("e2e.latency.p50", 120, "ms", ""),
                new Figure("e2e.sustained", 44_100, "readings/s", ""),
                new Figure("e2e.latency.p99", 480, "ms", ""),
                new Figure("alarm.p99", 900, "ms", "")));

        assertThat(groups).containsExactly(
                Map.entry("e2e.latency", Map.of("p50", 120.0, "p99", 480.0)),
                Map.entry("alarm", Map.of("p99", 900.0)));
        assertThat(groups.get("e2e.latency").keySet()).containsExactly("p50", "p99");
    }
}
