package dev.anjian.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run's results: {@code <dir>/report.json} (pretty, instants as ISO-8601 text, read back with
 * {@link #read}), {@code <dir>/report.png} (throughput over time and latency percentiles, see
 * {@link ReportChart}) and {@code <dir>/report.txt} (the {@link #table} text, also returned for the console).
 */
public final class ReportWriter {

    public static final String JSON = "report.json";
    public static final String PNG = "report.png";
    public static final String TEXT = "report.txt";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /** The figures and components as aligned plain text, e.g. {@code e2e.sustained  44,100  readings/s}. */
    public static String table(RunReport r) {
        return ReportTable.render(r);
    }

    /** Creates {@code dir} if needed and writes report.json, report.png and report.txt into it. */
    public static void write(RunReport r, Path dir) throws IOException {
        Files.createDirectories(dir);
        MAPPER.writeValue(dir.resolve(JSON).toFile(), r);
        ReportChart.write(r, dir.resolve(PNG));
        Files.writeString(dir.resolve(TEXT), table(r));
    }

    /** A report written by {@link #write}, e.g. to compare two runs. */
    public static RunReport read(Path json) throws IOException {
        return MAPPER.readValue(json.toFile(), RunReport.class);
    }
}
