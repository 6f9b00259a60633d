package dev.anjian.bench.raw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.bench.report.Figure;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediansTest {

    @Test
    void theMedianRunIsTheFigureWithMinMedianMaxInTheNote() {
        Figure median = Medians.of(List.of(
                new Figure("raw.mqtt.qos1", 21_000, "msg/s", "run a"),
                new Figure("raw.mqtt.qos1", 19_000, "msg/s", "run b"),
                new Figure("raw.mqtt.qos1", 22_500, "msg/s", "run c")));

        assertThat(median.value()).isEqualTo(21_000);
        assertThat(median.unit()).isEqualTo("msg/s");
        assertThat(median.note()).isEqualTo("3 runs min/median/max 19,000 / 21,000 / 22,500; median run: run a");
    }

    @Test
    void anEvenCountTakesTheLowerMiddleRunAndOneRunIsKeptAsItIs() {
        Figure one = new Figure("x", 5, "points/s", "only");

        assertThat(Medians.of(List.of(one))).isSameAs(one);
        assertThat(Medians.of(List.of(new Figure("x", 4, "", "4"), new Figure("x", 2, "", "2"))).value()).isEqualTo(2);
    }

    @Test
    void ratioOfTwoPresentFigures() {
        List<Figure> figures = List.of(new Figure("sink", 60_000, "points/s", ""), new Figure("raw", 75_000, "points/s", ""));

        assertThat(Medians.ratio(figures, "sink", "raw", "sink.vs.raw", "n")).hasValueSatisfying(f -> {
            assertThat(f.value()).isEqualTo(0.8);
            assertThat(f.name()).isEqualTo("sink.vs.raw");
        });
        assertThat(Medians.ratio(figures, "sink", "absent", "r", "n")).isEmpty();
    }
}
