package dev.anjian.storage.report;

import java.util.List;

/**
 * The audit report as one self-contained HTML page: inline CSS, an inline SVG chart, the three tables; no
 * script and no external resource, so it can be archived and read offline.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String render(AuditData data, List<ReportTables.Table> tables, double target, String generatedAt) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.append("<title>").append(escape(title(data))).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
                .append("th,td{border:1px solid #bbb;padding:3px 8px;font-size:13px}th{background:#eee}")
                .append("td.unhandled{color:#b00;font-weight:bold}.note{color:#555}\n</style>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(title(data))).append("</h1>\n<p>Scope <b>").append(escape(data.scope().toString()))
                .append("</b>, local days ").append(data.from()).append(" to ").append(data.to())
                .append(", generated ").append(escape(generatedAt)).append(". Online rate = online device-seconds /")
                .append(" registered device-seconds; reporting rate = devices that reported / devices registered.</p>\n");
        if (!data.scope().note().isEmpty()) {
            html.append("<p class=\"note\">").append(escape(data.scope().note())).append("</p>\n");
        }
        html.append(RateChart.svg(data.rates(), target)).append('\n');
        for (ReportTables.Table table : tables) {
            html.append(table(table));
        }
        return html.append("</body>\n</html>\n").toString();
    }

    static String title(AuditData data) {
        return "Online-rate audit " + data.scope() + " " + data.from() + (data.to().equals(data.from()) ? "" : " - " + data.to());
    }

    private static String table(ReportTables.Table table) {
        StringBuilder html = new StringBuilder("<h2>").append(escape(table.title())).append(" (")
                .append(table.rows().size()).append(")</h2>\n<table>\n<tr>");
        table.header().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            row.forEach(cell -> html.append(cell.equals("UNHANDLED") ? "<td class=\"unhandled\">" : "<td>")
                    .append(escape(cell)).append("</td>"));
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
