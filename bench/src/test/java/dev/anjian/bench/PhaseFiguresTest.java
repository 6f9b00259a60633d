package dev.anjian.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.anjian.bench.load.LoadCounters;
import dev.anjian.bench.measure.IncidentReport;
import dev.anjian.bench.measure.Sample;
import dev.anjian.bench.report.Figure;
import dev.anjian.bench.report.Series;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseFiguresTest {

    private static final HarnessOptions OPTIONS = HarnessOptions.parse(new String[] {"--duration", "60s", "--warmup", "20s",
            "--rate", "1000"}, Path.of("."));
    private static final IncidentReport NOTHING = new IncidentReport(0, 0, List.of(), List.of(), List.of(), List.of(),
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of());

    /** 1,000 msg/s offered; points land at {@code pointsPerSecond} after a 10 s start, in 5,000-point batches. */
    private static List<Sample> run(long pointsPerSecond) {
        List<Sample> s = new ArrayList<>();
        for (int t = 0; t <= 60; t++) {
            long landed = Math.max(0, (t - 10) * pointsPerSecond) / 5_000 * 5_000;
            s.add(new Sample(t, t * 1_000L, t * 1_000L, t * 3_000L, landed, -1, 0, 0, 0));
        }
        return s;
    }

    private static Figure figure(List<Figure> figures, String name) {
        return Aims.find(figures, name).orElseThrow();
    }

    @Test
    void keepingUpIsSustainedAtTheOfferedRate() {
        List<Figure> f = PhaseFigures.of("broker", OPTIONS, run(3_000), new LoadCounters(), NOTHING, 0, 0);
        assertThat(figure(f, "broker.e2e.sustained").value()).isEqualTo(1_000);
        assertThat(figure(f, "broker.backlog.trend").note()).startsWith("steady");
    }

    @Test
    void fallingBehindIsNotSustained() {
        List<Figure> f = PhaseFigures.of("broker", OPTIONS, run(2_000), new LoadCounters(), NOTHING, 0, 0);
        assertThat(figure(f, "broker.e2e.sustained").value()).isCloseTo(666, offset(20.0));
        assertThat(figure(f, "broker.e2e.sustained").note()).startsWith("NOT sustained");
        assertThat(figure(f, "broker.backlog.trend").value()).isCloseTo(1_000, offset(50.0));
    }

    @Test
    void latenciesWithoutSamplesAreNotANumber() {
        List<Figure> f = PhaseFigures.of("native", OPTIONS, run(3_000), new LoadCounters(), NOTHING, 0, 0);
        assertThat(figure(f, "native.alarm.p99").value()).isNaN();
        List<Figure> aims = Aims.judge(f, List.of("native"), null, null);
        assertThat(figure(aims, "aim.native.alarm.p99").note()).startsWith("FAIL");
        assertThat(figure(aims, "aim.native.e2e/raw.mqtt").note()).startsWith("NOT MEASURED");
    }

    @Test
    void plottedRatesAreSmoothedOverFiveSecondsOfBatches() {
        Series influx = PhaseFigures.series("broker", run(3_000)).get(2);
        assertThat(influx.name()).isEqualTo("broker influx");
        double[] at40 = influx.points().stream().filter(p -> p[0] == 40).findFirst().orElseThrow();
        assertThat(at40[1]).isEqualTo(3_000); // landed 90,000 at 40 s, 75,000 at 35 s
    }
}
