package dev.anjian.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * report.png, 1200 x 800, drawn with Java2D (headless): on top the throughput series over time (series whose
 * unit ends in "/s"; all series if none does), one line each with a legend; below, the latency figures
 * (unit "ms") as bars grouped by name prefix, e.g. {@code e2e.latency.p50/p95/p99} is group
 * {@code e2e.latency} with bars p50, p95, p99.
 */
final class ReportChart {

    static {
        // First, before any AWT class (Color, Rectangle) initialises and caches the headless flag: no display here.
        System.setProperty("java.awt.headless", "true");
    }

    static final int WIDTH = 1200;
    static final int HEIGHT = 800;
    static final Rectangle THROUGHPUT_AREA = new Rectangle(110, 80, 1050, 390);
    static final Rectangle LATENCY_AREA = new Rectangle(110, 560, 1050, 180);
    static final double HEADROOM = 1.08; // room above the highest value for its label
    static final Color BACKGROUND = Color.WHITE;
    static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ReportChart() {
    }

    static void write(RunReport report, Path png) throws IOException {
        if (!ImageIO.write(render(report), "png", png.toFile())) {
            throw new IOException("no PNG writer in this JVM for " + png);
        }
    }

    static BufferedImage render(RunReport report) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            String when = report.startedAt() == null ? "" : "  -  " + WHEN.format(report.startedAt());
            g.drawString(report.title() + when, THROUGHPUT_AREA.x, 32);
            throughput(g, ChartSeries.throughput(report.series()));
            latency(g, ChartSeries.latencyGroups(report.figures()));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void throughput(Graphics2D g, List<Series> series) {
        Rectangle area = THROUGHPUT_AREA;
        panelTitle(g, area, "Throughput over time");
        NiceScale x = NiceScale.of(0, ChartSeries.max(series, 0), 11);
        NiceScale y = NiceScale.of(0, ChartSeries.max(series, 1) * HEADROOM, 6);
        ChartAxes.draw(g, area, x, y, "seconds since start", ChartSeries.units(series));
        if (series.isEmpty()) {
            ChartAxes.centered(g, area, "no throughput series in this report");
            return;
        }
        g.setStroke(new BasicStroke(2f));
        Map<String, Color> legend = new LinkedHashMap<>();
        for (int i = 0; i < series.size(); i++) {
            Color color = PALETTE[i % PALETTE.length];
            g.setColor(color);
            g.draw(line(series.get(i).points(), area, x, y));
            legend.put(series.get(i).name() + " (" + series.get(i).unit() + ")", color);
        }
        ChartAxes.legend(g, area, legend);
    }

    private static Path2D line(List<double[]> points, Rectangle area, NiceScale x, NiceScale y) {
        Path2D path = new Path2D.Double();
        boolean first = true;
        for (double[] p : points) {
            if (p.length < 2 || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
                continue;
            }
            double px = area.x + x.fraction(p[0]) * area.width;
            double py = area.y + area.height - y.fraction(p[1]) * area.height;
            if (first) {
                path.moveTo(px, py);
                first = false;
            } else {
                path.lineTo(px, py);
            }
        }
        return path;
    }

    private static void latency(Graphics2D g, Map<String, Map<String, Double>> groups) {
        Rectangle area = LATENCY_AREA;
        panelTitle(g, area, "Latency percentiles (ms)");
        double max = groups.values().stream().flatMap(bars -> bars.values().stream())
                .mapToDouble(Double::doubleValue).filter(Double::isFinite).max().orElse(1);
        NiceScale y = NiceScale.of(0, max * HEADROOM, 5);
        ChartAxes.draw(g, area, null, y, "", "ms");
        if (groups.isEmpty()) {
            ChartAxes.centered(g, area, "no latency figures (unit ms) in this report");
            return;
        }
        Map<String, Color> colors = ChartSeries.barColors(groups, PALETTE);
        double groupWidth = (double) area.width / groups.size();
        int index = 0;
        for (Map.Entry<String, Map<String, Double>> group : groups.entrySet()) {
            double left = area.x + index++ * groupWidth;
            ChartAxes.bars(g, area, y, left, groupWidth, group.getValue(), colors);
            ChartAxes.groupLabel(g, area, left, groupWidth, group.getKey());
        }
        ChartAxes.legend(g, area, colors);
    }

    private static void panelTitle(Graphics2D g, Rectangle area, String title) {
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, area.x, area.y - 10);
    }
}
