package dev.anjian.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A report as plain text for the console and report.txt: a header, then aligned columns, e.g.
 * <pre>
 * figure                  value  unit        note
 * e2e.sustained          44,100  readings/s  3 runs median
 * e2e.latency.p99         812.5  ms
 * </pre>
 */
final class ReportTable {

    private ReportTable() {
    }

    static String render(RunReport r) {
        StringBuilder out = new StringBuilder();
        out.append(r.title()).append(" (started ").append(r.startedAt()).append(")\n");
        appendMap(out, "machine", r.machine());
        appendMap(out, "settings", r.settings());
        if (r.figures() != null && !r.figures().isEmpty()) {
            out.append('\n').append(figures(r.figures()));
        }
        if (r.components() != null && !r.components().isEmpty()) {
            out.append('\n').append(components(r.components()));
        }
        return out.toString();
    }

    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 1000 || value == Math.rint(value) ? "%,.0f" : magnitude >= 10 ? "%,.1f" : "%,.2f";
        return String.format(Locale.ROOT, pattern, value);
    }

    private static String figures(List<Figure> figures) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"figure", "value", "unit", "note"});
        for (Figure f : figures) {
            rows.add(new String[] {f.name(), number(f.value()), text(f.unit()), text(f.note())});
        }
        return align(rows, new boolean[] {false, true, false, false});
    }

    private static String components(List<ComponentUsage> components) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"component", "pid", "cpu s", "avg cores", "max RSS MB"});
        for (ComponentUsage c : components) {
            rows.add(new String[] {c.component(), Long.toString(c.pid()),
                    String.format(Locale.ROOT, "%,.1f", c.cpuSeconds()),
                    String.format(Locale.ROOT, "%.2f", c.avgCores()),
                    String.format(Locale.ROOT, "%,.0f", c.maxRssBytes() / (1024.0 * 1024.0))});
        }
        return align(rows, new boolean[] {false, true, true, true, true});
    }

    /** Columns padded to their widest cell, numbers right-aligned; trailing spaces trimmed. */
    private static String align(List<String[]> rows, boolean[] rightAligned) {
        int[] widths = new int[rightAligned.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(widths[i] - row[i].length());
                line.append(i == 0 ? "" : "  ").append(rightAligned[i] ? pad + row[i] : row[i] + pad);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static void appendMap(StringBuilder out, String label, Map<String, String> values) {
        if (values != null && !values.isEmpty()) {
            out.append(label).append(": ").append(values.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))).append('\n');
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
