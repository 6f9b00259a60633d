package dev.anjian.storage.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFilesTest {

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndLinesEndWithCrLf() {
        assertThat(CsvFiles.line(List.of("郑州某危货运输公司", "a,b", "say \"hi\"", "two\nlines")))
                .isEqualTo("郑州某危货运输公司,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    }

    @Test
    void durationsAndPercentagesReadLikeAnAuditor() {
        assertThat(ReportTables.duration(java.time.Duration.ofSeconds(3723))).isEqualTo("1h 02m 03s");
        assertThat(ReportTables.duration(java.time.Duration.ofSeconds(270))).isEqualTo("4m 30s");
        assertThat(ReportTables.percent(0.98765)).isEqualTo("98.77%");
    }
}
