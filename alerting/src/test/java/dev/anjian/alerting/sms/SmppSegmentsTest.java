package dev.anjian.alerting.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SmppSegmentsTest {

    @ParameterizedTest(name = "{0} characters -> {1} part(s)")
    @CsvSource({"1, 1", "70, 1", "71, 2", "134, 2", "135, 3", "201, 3"})
    void seventyCharactersFitOneMessageLongerTextsGo67PerPart(int length, int parts) {
        assertThat(SmppSegments.split("安".repeat(length), 7)).hasSize(parts);
    }

    @Test
    void aSingleMessageIsPlainUcs2() {
        assertThat(SmppSegments.split("安监", 1)).singleElement()
                .satisfies(b -> assertThat(HexFormat.of().formatHex(b)).isEqualTo("5b8976d1"));
    }

    @Test
    void everyPartCarriesTheConcatenationHeaderThenUcs2() {
        List<byte[]> parts = SmppSegments.split("甲".repeat(67) + "乙".repeat(4), 0x2A);
        assertThat(HexFormat.of().formatHex(Arrays.copyOf(parts.get(0), 6))).isEqualTo("0500032a0201");
        assertThat(HexFormat.of().formatHex(parts.get(1))).isEqualTo("0500032a0202" + "4e59".repeat(4));
        assertThat(parts.get(0)).hasSize(6 + 134);
        assertThat(new String(parts.get(0), 6, 134, StandardCharsets.UTF_16BE)).isEqualTo("甲".repeat(67));
    }

    @Test
    void aSurrogatePairIsNeverSplit() {
        String text = "a".repeat(66) + "😀" + "b".repeat(10);
        List<byte[]> parts = SmppSegments.split(text, 1);
        String first = new String(parts.get(0), 6, parts.get(0).length - 6, StandardCharsets.UTF_16BE);
        String second = new String(parts.get(1), 6, parts.get(1).length - 6, StandardCharsets.UTF_16BE);
        assertThat(first).isEqualTo("a".repeat(66));
        assertThat(first + second).isEqualTo(text);
    }
}
