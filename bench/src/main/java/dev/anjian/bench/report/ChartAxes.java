package dev.anjian.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.Map;

/** The drawing primitives of {@link ReportChart}: axes with ticks and grid, legends, bars, labels. */
final class ChartAxes {

    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color GRID = new Color(0xe6e6e6);
    private static final int TICK = 5;
    private static final int LEGEND_ROW_RESERVED = 260; // left of the legend row: the panel title

    private ChartAxes() {
    }

    /** Frame, grid, ticks and axis labels; {@code x} null draws no x ticks (a bar chart). */
    static void draw(Graphics2D g, Rectangle area, NiceScale x, NiceScale y, String xLabel, String yLabel) {
        g.setFont(TICK_FONT);
        FontMetrics fm = g.getFontMetrics();
        for (double v : y.ticks()) {
            int py = (int) Math.round(area.y + area.height - y.fraction(v) * area.height);
            gridLine(g, area.x, py, area.x + area.width, py);
            g.setColor(Color.BLACK);
            g.drawLine(area.x - TICK, py, area.x, py);
            String label = y.label(v);
            g.drawString(label, area.x - TICK - 4 - fm.stringWidth(label), py + fm.getAscent() / 2 - 1);
        }
        if (x != null) {
            for (double v : x.ticks()) {
                int px = (int) Math.round(area.x + x.fraction(v) * area.width);
                gridLine(g, px, area.y, px, area.y + area.height);
                g.setColor(Color.BLACK);
                g.drawLine(px, area.y + area.height, px, area.y + area.height + TICK);
                String label = x.label(v);
                g.drawString(label, px - fm.stringWidth(label) / 2, area.y + area.height + TICK + fm.getAscent() + 2);
            }
            g.drawString(xLabel, area.x + (area.width - fm.stringWidth(xLabel)) / 2, area.y + area.height + 40);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(area.x, area.y, area.width, area.height);
        verticalLabel(g, area, yLabel);
    }

    /** Bars of one group side by side in {@code [left, left+width)}, value printed above each. */
    static void bars(Graphics2D g, Rectangle area, NiceScale y, double left, double width,
                     Map<String, Double> bars, Map<String, Color> colors) {
        double barWidth = Math.min(60, width * 0.7 / Math.max(1, bars.size()));
        double start = left + (width - barWidth * bars.size()) / 2;
        g.setFont(TICK_FONT);
        FontMetrics fm = g.getFontMetrics();
        int i = 0;
        for (Map.Entry<String, Double> bar : bars.entrySet()) {
            double value = Double.isFinite(bar.getValue()) ? Math.max(0, bar.getValue()) : 0;
            int h = (int) Math.round(y.fraction(value) * area.height);
            int bx = (int) Math.round(start + i++ * barWidth);
            g.setColor(colors.get(bar.getKey()));
            g.fillRect(bx + 2, area.y + area.height - h, (int) barWidth - 4, h);
            g.setColor(Color.BLACK);
            String label = ReportTable.number(bar.getValue());
            g.drawString(label, bx + (int) (barWidth - fm.stringWidth(label)) / 2, area.y + area.height - h - 3);
        }
    }

    static void groupLabel(Graphics2D g, Rectangle area, double left, double width, String label) {
        g.setFont(TICK_FONT);
        g.setColor(Color.BLACK);
        int w = g.getFontMetrics().stringWidth(label);
        g.drawString(label, (int) (left + (width - w) / 2), area.y + area.height + 18);
    }

    /**
     * The legend in one row above the top-right corner of {@code area} (next to the panel title), so it never
     * hides data; in a box inside the corner when the row would not fit.
     */
    static void legend(Graphics2D g, Rectangle area, Map<String, Color> entries) {
        g.setFont(TICK_FONT);
        FontMetrics fm = g.getFontMetrics();
        int rowWidth = entries.keySet().stream().mapToInt(name -> fm.stringWidth(name) + 40).sum();
        if (rowWidth > area.width - LEGEND_ROW_RESERVED) {
            legendBox(g, area, entries);
            return;
        }
        int x = area.x + area.width - rowWidth;
        int baseline = area.y - 10;
        for (Map.Entry<String, Color> entry : entries.entrySet()) {
            g.setColor(entry.getValue());
            g.fillRect(x + 8, baseline - fm.getAscent() / 2 - 2, 20, 6);
            g.setColor(Color.BLACK);
            g.drawString(entry.getKey(), x + 32, baseline);
            x += fm.stringWidth(entry.getKey()) + 40;
        }
    }

    private static void legendBox(Graphics2D g, Rectangle area, Map<String, Color> entries) {
        FontMetrics fm = g.getFontMetrics();
        int textWidth = entries.keySet().stream().mapToInt(fm::stringWidth).max().orElse(0);
        int lineHeight = fm.getHeight() + 2;
        int boxWidth = textWidth + 40;
        int boxHeight = entries.size() * lineHeight + 8;
        int bx = area.x + area.width - boxWidth - 8;
        int by = area.y + 8;
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRect(bx, by, boxWidth, boxHeight);
        g.setColor(Color.GRAY);
        g.drawRect(bx, by, boxWidth, boxHeight);
        int row = 0;
        for (Map.Entry<String, Color> entry : entries.entrySet()) {
            int ly = by + 4 + row++ * lineHeight;
            g.setColor(entry.getValue());
            g.fillRect(bx + 8, ly + lineHeight / 2 - 3, 20, 6);
            g.setColor(Color.BLACK);
            g.drawString(entry.getKey(), bx + 34, ly + fm.getAscent());
        }
    }

    static void centered(Graphics2D g, Rectangle area, String text) {
        g.setFont(TICK_FONT);
        g.setColor(Color.GRAY);
        Rectangle2D bounds = g.getFontMetrics().getStringBounds(text, g);
        g.drawString(text, (int) (area.getCenterX() - bounds.getWidth() / 2), (int) area.getCenterY());
    }

    private static void gridLine(Graphics2D g, int x1, int y1, int x2, int y2) {
        g.setColor(GRID);
        g.drawLine(x1, y1, x2, y2);
    }

    private static void verticalLabel(Graphics2D g, Rectangle area, String label) {
        AffineTransform saved = g.getTransform();
        int w = g.getFontMetrics().stringWidth(label);
        g.rotate(-Math.PI / 2);
        g.drawString(label, -(area.y + (area.height + w) / 2), area.x - 80);
        g.setTransform(saved);
    }
}
