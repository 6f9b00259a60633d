package dev.anjian.alerting.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTemplateTest {

    @Test
    void fillsInJsonEscapedValues() {
        JsonTemplate template = JsonTemplate.of("{\"mobile\":\"${phone}\",\"content\":\"${text}\",\"outId\":\"${ref}\"}");
        assertThat(template.render(Map.of("phone", "13800000101", "text", "【安监】\"甲烷\"\n超限", "ref", "A1/RAISED/c")))
                .isEqualTo("{\"mobile\":\"13800000101\",\"content\":\"【安监】\\\"甲烷\\\"\\n超限\",\"outId\":\"A1/RAISED/c\"}");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"to\":\"${phone}\"}                          | needs both ${phone} and ${text}",
            "{\"to\":\"${phone}\",\"t\":\"${text}\",\"x\":\"${secret}\"} | unknown placeholder ${secret}",
            "{\"to\":\"${phone}\",\"t\":\"${text}\"          | is not JSON once filled in",
    })
    void rejectsBrokenTemplates(String template, String message) {
        assertThatThrownBy(() -> JsonTemplate.of(template)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
