package dev.anjian.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    private static final Instant STARTED = Instant.parse("2026-11-30T08:15:00Z");

    @TempDir
    Path dir;

    @Test
    void writesAPngOfTheExpectedSizeWithTheSeriesAndBarsDrawnInTheirPanels() throws Exception {
        ReportWriter.write(report(), dir);

        BufferedImage png = ImageIO.read(dir.resolve(ReportWriter.PNG).toFile());
        assertThat(png).isNotNull();
        assertThat(png.getWidth()).isEqualTo(ReportChart.WIDTH).isEqualTo(1200);
        assertThat(png.getHeight()).isEqualTo(ReportChart.HEIGHT).isEqualTo(800);
        // The first series' colour appears in the throughput plot, the first bar's in the latency plot.
        assertThat(pixelsOf(png, ReportChart.THROUGHPUT_AREA, ReportChart.PALETTE[0].getRGB())).isGreaterThan(100);
        assertThat(pixelsOf(png, ReportChart.THROUGHPUT_AREA, ReportChart.PALETTE[1].getRGB())).isGreaterThan(100);
        assertThat(pixelsOf(png, ReportChart.LATENCY_AREA, ReportChart.PALETTE[0].getRGB())).isGreaterThan(100);
    }

    @Test
    void aReportWithoutSeriesOrLatencyStillRendersItsAxes() throws Exception {
        RunReport empty = new RunReport("empty", STARTED, Map.of(), Map.of(), List.of(), List.of(), List.of());

        ReportWriter.write(empty, dir);

        BufferedImage png = ImageIO.read(dir.resolve(ReportWriter.PNG).toFile());
        assertThat(png.getWidth()).isEqualTo(1200);
        assertThat(pixelsNot(png, ReportChart.THROUGHPUT_AREA, ReportChart.BACKGROUND.getRGB())).isGreaterThan(0);
    }

    @Test
    void jsonRoundTripsWithTheStartAsIsoText() throws Exception {
        RunReport report = report();

        ReportWriter.write(report, dir);
        RunReport read = ReportWriter.read(dir.resolve(ReportWriter.JSON));

        assertThat(Files.readString(dir.resolve(ReportWriter.JSON))).contains("\"startedAt\" : \"2026-11-30T08:15:00Z\"");
        assertThat(read.title()).isEqualTo(report.title());
        assertThat(read.startedAt()).isEqualTo(STARTED);
        assertThat(read.machine()).isEqualTo(report.machine());
        assertThat(read.settings()).isEqualTo(report.settings());
        assertThat(read.figures()).isEqualTo(report.figures());
        assertThat(read.components()).isEqualTo(report.components());
        assertThat(read.series()).hasSize(2);
        assertThat(read.series().get(1).name()).isEqualTo("kafka.in");
        assertThat(read.series().get(1).points()).hasSize(61);
        assertThat(read.series().get(1).points().get(10)).containsExactly(report.series().get(1).points().get(10));
    }

    @Test
    void tableAlignsFiguresWithThousandsSeparatorsAndComponentsInMegabytes() {
        String table = ReportWriter.table(report());

        assertThat(table).startsWith("load test (started 2026-11-30T08:15:00Z)\n");
        assertThat(table).contains("settings: devices=10000, rate=40000");
        List<String> lines = table.lines().toList();
        String sustained = line(lines, "e2e.sustained");
        String p99 = line(lines, "e2e.latency.p99");
        assertThat(sustained).contains("44,100  readings/s  median of 3");
        assertThat(p99).contains("812.5  ms");
        // Values right-aligned: they end in the same column.
        assertThat(sustained.indexOf("44,100") + "44,100".length()).isEqualTo(p99.indexOf("812.5") + "812.5".length());
        assertThat(line(lines, "ratio")).contains("0.83");
        assertThat(line(lines, "jobs")).containsPattern("jobs\\s+4242\\s+61\\.5\\s+1\\.03\\s+1,024");
    }

    static RunReport report() {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cores", "2");
        machine.put("java", "17.0.15");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("devices", "10000");
        settings.put("rate", "40000");
        List<Figure> figures = List.of(
                new Figure("e2e.sustained", 44_100, "readings/s", "median of 3"),
                new Figure("e2e.latency.p50", 120, "ms", ""),
                new Figure("e2e.latency.p95", 430.25, "ms", ""),
                new Figure("e2e.latency.p99", 812.5, "ms", ""),
                new Figure("alarm.latency.p99", 1_900, "ms", null),
                new Figure("ratio", 0.83, "", "sink / raw"));
        List<Series> series = List.of(ramp("mqtt.in", 1.0), ramp("kafka.in", 0.9));
        List<ComponentUsage> components = List.of(new ComponentUsage("jobs", 4242, 61.5, 1.025, 1024L * 1024 * 1024));
        return new RunReport("load test", STARTED, machine, settings, figures, series, components);
    }

    private static Series ramp(String name, double factor) {
        List<double[]> points = new ArrayList<>();
        for (int t = 0; t <= 60; t++) {
            points.add(new double[] {t, factor * Math.min(t, 10) * 4_000 + (t % 7) * 150});
        }
        return new Series(name, "readings/s", points);
    }

    private static String line(List<String> lines, String start) {
        return lines.stream().filter(l -> l.startsWith(start + " ")).findFirst().orElseThrow();
    }

    private static int pixelsOf(BufferedImage png, Rectangle area, int rgb) {
        int count = 0;
        for (int x = area.x + 1; x < area.x + area.width; x++) {
            for (int y = area.y + 1; y < area.y + area.height; y++) {
                count += (png.getRGB(x, y) & 0xffffff) == (rgb & 0xffffff) ? 1 : 0;
            }
        }
        return count;
    }

    private static int pixelsNot(BufferedImage png, Rectangle area, int rgb) {
        return area.width * area.height - pixelsOf(png, area, rgb);
    }
}
