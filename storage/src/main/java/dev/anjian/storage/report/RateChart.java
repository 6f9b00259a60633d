package dev.anjian.storage.report;

import java.util.List;
import java.util.Locale;

/**
 * An inline SVG bar chart of the daily online rate (bars) and reporting rate (dots) with the target as a
 * dashed line, 0-100 %, one bar per day; no script, no external resource, so the page reads offline.
 */
final class RateChart {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 260;
    private static final int LEFT = 40;
    private static final int BOTTOM = 30;

    private RateChart() {
    }

    static String svg(List<DailyRate> rates, double target) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " role=\"img\" aria-label=\"Daily online rate\">%n", WIDTH, HEIGHT));
        int plotHeight = HEIGHT - BOTTOM - 10;
        for (int percent = 0; percent <= 100; percent += 25) {
            double y = y(percent / 100.0, plotHeight);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"2\" y=\"%.1f\" font-size=\"10\">%d%%</text>%n", LEFT, y, WIDTH, y, y + 3, percent));
        }
        double slot = rates.isEmpty() ? 0 : (double) (WIDTH - LEFT - 10) / rates.size();
        for (int i = 0; i < rates.size(); i++) {
            DailyRate rate = rates.get(i);
            double x = LEFT + 5 + i * slot;
            double top = y(rate.onlineRate(), plotHeight);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                            + "<title>%s online %.2f%%</title></rect>%n", x, top, Math.max(1, slot * 0.7),
                    y(0, plotHeight) - top, rate.onlineRate() >= target ? "#3a7" : "#d64", rate.day(),
                    rate.onlineRate() * 100));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#236\">"
                    + "<title>%s reporting %.2f%%</title></circle>%n", x + slot * 0.35, y(rate.reportingRate(), plotHeight),
                    rate.day(), rate.reportingRate() * 100));
            if (rates.size() <= 31) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"9\">%s</text>%n", x,
                        HEIGHT - 12, rate.day().toString().substring(5)));
            }
        }
        double targetY = y(target, plotHeight);
        svg.append(String.format(Locale.ROOT, "<line class=\"target\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\""
                + " stroke=\"#c00\" stroke-dasharray=\"6 4\"><title>target %.0f%%</title></line>%n", LEFT, targetY, WIDTH,
                targetY, target * 100));
        return svg.append("</svg>").toString();
    }

    private static double y(double fraction, int plotHeight) {
        return 10 + plotHeight * (1 - Math.max(0, Math.min(1, fraction)));
    }
}
