package dev.anjian.storage.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a table as RFC 4180 CSV in UTF-8 with a byte-order mark (so that Excel shows Chinese names), CRLF
 * line ends, fields quoted when they hold a comma, quote or line break.
 */
public final class CsvFiles {

    private CsvFiles() {
    }

    public static void write(Path file, ReportTables.Table table) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            out.write(line(table.header()));
            for (List<String> row : table.rows()) {
                out.write(line(row));
            }
        }
    }

    static String line(List<String> fields) {
        return fields.stream().map(CsvFiles::field).collect(Collectors.joining(",")) + "\r\n";
    }

    static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
