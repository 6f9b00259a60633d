package dev.anjian.alerting.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneMaskTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "NULL", value = {
            "13800005678,  138****5678",
            "19912345678,  199****5678",
            "' 13800005678 ', 138****5678",
            "+8613800005678, +86****5678",
            "12345678,     123****5678",
            "1234567,      ****",
            "'',           ''",
            "NULL,         ''",
    })
    void masksAllButCarrierPrefixAndLastFour(String phone, String masked) {
        assertThat(PhoneMask.mask(phone)).isEqualTo(masked == null ? "" : masked);
    }

    @ParameterizedTest
    @CsvSource({"13800005678", "13912340000"})
    void theMiddleDigitsNeverSurvive(String phone) {
        assertThat(PhoneMask.mask(phone)).doesNotContain(phone.substring(3, 7));
    }

    @ParameterizedTest
    @CsvSource({"13800005678"})
    void anSmsMessagePrintsItsPhoneMasked(String phone) {
        SmsMessage message = new SmsMessage("E-HN-COAL-01.safety", phone, "【安监】测试");
        assertThat(message.toString()).contains("138****5678").doesNotContain(phone);
    }
}
