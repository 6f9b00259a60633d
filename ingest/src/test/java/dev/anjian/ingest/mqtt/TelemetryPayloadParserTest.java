package dev.anjian.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.events.DeviceEvent;
import dev.anjian.events.Quality;
import dev.anjian.events.SensorReading;
import dev.anjian.ingest.mqtt.TelemetryParseResult.Readings;
import dev.anjian.ingest.mqtt.TelemetryParseResult.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Accepted payloads field by field, then one row per rejection rule; the fuzz test is separate. */
class TelemetryPayloadParserTest {

    static final String TOPIC = "anjian/telemetry/E41010001/GAS-0001";
    /** 2026-11-29 16:00:00 in China (GMT+8). */
    static final long NOV_29_1600_CST = 1_795_939_200_000L;
    static final long RECEIVED_AT = NOV_29_1600_CST + 1_500;
    static final int MAX = TelemetryPayloadParser.DEFAULT_MAX_PAYLOAD_BYTES;

    @Test
    void canonicalPayloadBecomesOneReadingPerMetricInPayloadOrder() {
        Readings readings = accepted(TOPIC,
                "{\"ts\":1795939200000,\"quality\":\"NORMAL\",\"metrics\":{\"CH4\":0.42,\"CO\":12,\"O2\":20.9}}");

        assertThat(readings.enterpriseId()).isEqualTo("E41010001");
        assertThat(readings.deviceId()).isEqualTo("GAS-0001");
        assertThat(readings.events()).hasSize(3);
        DeviceEvent ch4 = readings.events().get(0);
        assertThat(ch4.type()).isEqualTo(DeviceEvent.Type.SENSOR_READING);
        assertThat(ch4.deviceId()).isEqualTo("GAS-0001");
        assertThat(ch4.eventTime()).isEqualTo(NOV_29_1600_CST);
        assertThat(ch4.receivedAt()).isEqualTo(RECEIVED_AT);
        assertThat(ch4.backfilled()).isFalse();
        assertThat(ch4.location()).isNull();
        assertThat(ch4.connectivity()).isNull();
        assertThat(ch4.reading()).isEqualTo(new SensorReading("CH4", 0.42, "", Quality.NORMAL));
        assertThat(readings.events()).extracting(e -> e.reading().metric()).containsExactly("CH4", "CO", "O2");
        assertThat(readings.events()).extracting(e -> e.reading().value()).containsExactly(0.42, 12.0, 20.9);
    }

    @Test
    void objectValuesCarryUnitAndTheirOwnQualityOverTheMessageQuality() {
        Readings readings = accepted(TOPIC, """
                {"quality":"maintenance","deviceId":"GAS-0001","firmware":"2.1",
                 "metrics":{"CH4":{"value":1.2,"unit":"%"},"CO":{"value":3,"unit":"ppm","quality":"Calibrating"},"T":21.5}}""");

        assertThat(readings.events()).extracting(DeviceEvent::reading).containsExactly(
                new SensorReading("CH4", 1.2, "%", Quality.MAINTENANCE),
                new SensorReading("CO", 3.0, "ppm", Quality.CALIBRATING),
                new SensorReading("T", 21.5, "", Quality.MAINTENANCE));
        assertThat(readings.events()).allSatisfy(e -> assertThat(e.eventTime()).isEqualTo(RECEIVED_AT));
    }

    static Stream<Arguments> timestamps() {
        return Stream.of(
                Arguments.of("1795939200000", NOV_29_1600_CST),
                Arguments.of("1.7959392E12", NOV_29_1600_CST),
                Arguments.of("\"2026-11-29T16:00:00+08:00\"", NOV_29_1600_CST),
                Arguments.of("\"2026-11-29T08:00:00Z\"", NOV_29_1600_CST),
                Arguments.of("\"2026-11-29T09:00:00+01:00\"", NOV_29_1600_CST),
                Arguments.of("\"2026-11-29 16:00:00\"", NOV_29_1600_CST),
                Arguments.of("\"2026-11-29T16:00:00\"", NOV_29_1600_CST),
                Arguments.of("\"2026-11-29 16:00:00.250\"", NOV_29_1600_CST + 250),
                Arguments.of("\"2026-11-29 16:00:00+08:00\"", NOV_29_1600_CST),
                Arguments.of("null", RECEIVED_AT));
    }

    @ParameterizedTest(name = "ts {0}")
    @MethodSource("timestamps")
    void timestampForms(String ts, long expectedEventTime) {
        Readings readings = accepted(TOPIC, "{\"ts\":" + ts + ",\"metrics\":{\"CH4\":0.1}}");
        assertThat(readings.events().get(0).eventTime()).isEqualTo(expectedEventTime);
    }

    @Test
    void absentTimestampMeansReceivedAt() {
        assertThat(accepted(TOPIC, "{\"metrics\":{\"CH4\":0.1}}").events().get(0).eventTime()).isEqualTo(RECEIVED_AT);
    }

    @Test
    void qualityNamesAreCaseInsensitiveAndDefaultToNormal() {
        assertThat(accepted(TOPIC, "{\"quality\":\"over_range\",\"metrics\":{\"CH4\":4}}").events().get(0).reading().quality())
                .isEqualTo(Quality.OVER_RANGE);
        assertThat(accepted(TOPIC, "{\"metrics\":{\"CH4\":{\"value\":4,\"quality\":null}}}").events().get(0).reading().quality())
                .isEqualTo(Quality.NORMAL);
    }

    @Test
    void metricNamesMayUseLettersDigitsUnderscoreDotAndDashUpTo64Characters() {
        String longest = "m".repeat(64);
        Readings readings = accepted(TOPIC, "{\"metrics\":{\"PM2.5\":35,\"dust_conc-1\":2,\"" + longest + "\":1}}");
        assertThat(readings.events()).extracting(e -> e.reading().metric()).containsExactly("PM2.5", "dust_conc-1", longest);
    }

    @Test
    void payloadOfExactlyTheLimitIsAccepted() {
        String json = "{\"metrics\":{\"CH4\":0.1}}";
        byte[] padded = (json + " ".repeat(100 - json.length())).getBytes(StandardCharsets.UTF_8);
        assertThat(TelemetryPayloadParser.parse(TOPIC, padded, RECEIVED_AT, 100)).isInstanceOf(Readings.class);
    }

    @Test
    void theSimulatorsCanonicalMessageParsesBackToWhatItSays() {
        TelemetryMessage message = new TelemetryMessage("E1", "NH3-7", NOV_29_1600_CST, Quality.FAULT,
                Map.of("NH3", 12.5));
        Readings readings = (Readings) TelemetryPayloadParser.parse(message.topic(), message.payload(), RECEIVED_AT, MAX);
        assertThat(readings.events()).containsExactly(DeviceEvent.reading("NH3-7", NOV_29_1600_CST, RECEIVED_AT,
                new SensorReading("NH3", 12.5, "", Quality.FAULT)).withEnterprise("E1"));
    }

    static Stream<Arguments> rejections() {
        String ok = "{\"metrics\":{\"CH4\":0.1}}";
        return Stream.of(
                // topic
                row("anjian/telemetry/E1", ok, "topic 'anjian/telemetry/E1' does not match anjian/telemetry/{enterpriseId}/{deviceId}"),
                row("anjian/telemetry/E1/D1/extra", ok, "does not match anjian/telemetry/{enterpriseId}/{deviceId}"),
                row("factory/telemetry/E1/D1", ok, "does not match"),
                row("anjian/status/E1/D1", ok, "does not match"),
                row("anjian/telemetry//D1", ok, "does not match"),
                row("anjian/telemetry/E1/", ok, "does not match"),
                row("anjian/telemetry/E1/ ", ok, "does not match"),
                row("anjian/telemetry/+/D1", ok, "does not match"),
                row("anjian/telemetry/E1/#", ok, "does not match"),
                row(null, ok, "topic 'null' does not match"),
                // payload framing
                row(TOPIC, "", "empty payload"),
                row(TOPIC, "  \n ", "payload must be a JSON object, was only whitespace"),
                row(TOPIC, "null", "payload must be a JSON object, was null"),
                row(TOPIC, "[1,2]", "payload must be a JSON object, was [1,2]"),
                row(TOPIC, "0.42", "payload must be a JSON object, was 0.42"),
                row(TOPIC, "{\"metrics\":", "payload is not valid UTF-8 JSON"),
                row(TOPIC, ok + " trailing", "payload is not valid UTF-8 JSON"),
                row(TOPIC, ok + "{}", "payload is not valid UTF-8 JSON"),
                row(TOPIC, "{'metrics':{}}", "payload is not valid UTF-8 JSON"),
                row(TOPIC, "{\"metrics\":{\"CH4\":NaN}}", "payload is not valid UTF-8 JSON"),
                row(TOPIC, "{\"metrics\":{\"CH4\":1,\"CH4\":2}}", "payload is not valid UTF-8 JSON: Duplicate field 'CH4'"),
                // metrics
                row(TOPIC, "{\"ts\":1795939200000}", "missing required field 'metrics'"),
                row(TOPIC, "{\"metrics\":null}", "missing required field 'metrics'"),
                row(TOPIC, "{\"metrics\":{}}", "field 'metrics' must be a non-empty object of metric name to value, was {}"),
                row(TOPIC, "{\"metrics\":[1]}", "field 'metrics' must be a non-empty object"),
                row(TOPIC, "{\"metrics\":\"CH4=1\"}", "field 'metrics' must be a non-empty object"),
                row(TOPIC, "{\"metrics\":{\"CH4\":\"0.42\"}}", "metric 'CH4': value must be a finite number, was \"0.42\""),
                row(TOPIC, "{\"metrics\":{\"CH4\":true}}", "metric 'CH4': value must be a finite number, was true"),
                row(TOPIC, "{\"metrics\":{\"CH4\":null}}", "metric 'CH4': missing 'value'"),
                row(TOPIC, "{\"metrics\":{\"CH4\":[0.4]}}", "metric 'CH4': value must be a finite number, was [0.4]"),
                row(TOPIC, "{\"metrics\":{\"CH4\":1e999}}", "metric 'CH4': value must be a finite number, was beyond the range of a double"),
                row(TOPIC, "{\"metrics\":{\"CO\":1,\"CH4\":-1e400}}", "metric 'CH4': value must be a finite number, was beyond"),
                row(TOPIC, "{\"metrics\":{\"CH4\":{\"unit\":\"%\"}}}", "metric 'CH4': missing 'value'"),
                row(TOPIC, "{\"metrics\":{\"CH4\":{\"value\":\"x\"}}}", "metric 'CH4': value must be a finite number, was \"x\""),
                row(TOPIC, "{\"metrics\":{\"CH4\":{\"value\":1,\"unit\":5}}}", "metric 'CH4': 'unit' must be a string, was 5"),
                row(TOPIC, "{\"metrics\":{\"CH 4\":1}}", "metric name 'CH 4' must be 1 to 64 letters, digits, '_', '.' or '-'"),
                row(TOPIC, "{\"metrics\":{\"\":1}}", "metric name '' must be 1 to 64"),
                row(TOPIC, "{\"metrics\":{\"CH4/x\":1}}", "metric name 'CH4/x' must be"),
                row(TOPIC, "{\"metrics\":{\"甲烷\":1}}", "metric name '甲烷' must be"),
                row(TOPIC, "{\"metrics\":{\"" + "m".repeat(65) + "\":1}}", "must be 1 to 64 letters"),
                // ts
                row(TOPIC, "{\"ts\":\"yesterday\",\"metrics\":{\"CH4\":1}}", "field 'ts' must be epoch milliseconds, ISO-8601 with offset (2026-11-29T16:00:00+08:00) or China local time (2026-11-29 16:00:00), was 'yesterday'"),
                row(TOPIC, "{\"ts\":\"2026-13-01 00:00:00\",\"metrics\":{\"CH4\":1}}", "field 'ts' must be epoch milliseconds"),
                row(TOPIC, "{\"ts\":\"\",\"metrics\":{\"CH4\":1}}", "field 'ts' must be epoch milliseconds"),
                row(TOPIC, "{\"ts\":true,\"metrics\":{\"CH4\":1}}", "field 'ts' must be epoch milliseconds, ISO-8601"),
                row(TOPIC, "{\"ts\":{},\"metrics\":{\"CH4\":1}}", "field 'ts' must be epoch milliseconds, ISO-8601"),
                row(TOPIC, "{\"ts\":1795939200000.5,\"metrics\":{\"CH4\":1}}", "field 'ts' must be whole epoch milliseconds"),
                row(TOPIC, "{\"ts\":1795939200,\"metrics\":{\"CH4\":1}}", "field 'ts' 1795939200 is before 2000-01-01 (epoch seconds instead of milliseconds?)"),
                row(TOPIC, "{\"ts\":-1,\"metrics\":{\"CH4\":1}}", "field 'ts' -1 is before 2000-01-01"),
                row(TOPIC, "{\"ts\":4102444800000,\"metrics\":{\"CH4\":1}}", "field 'ts' 4102444800000 is after 2100-01-01"),
                row(TOPIC, "{\"ts\":99999999999999999999999,\"metrics\":{\"CH4\":1}}", "field 'ts' must be whole epoch milliseconds"),
                // quality
                row(TOPIC, "{\"quality\":\"GOOD\",\"metrics\":{\"CH4\":1}}", "field 'quality' \"GOOD\" is not one of NORMAL, CALIBRATING, MAINTENANCE, FAULT, DISCONNECTED, OVER_RANGE, NEGATIVE_DRIFT"),
                row(TOPIC, "{\"quality\":0,\"metrics\":{\"CH4\":1}}", "field 'quality' 0 is not one of NORMAL"),
                row(TOPIC, "{\"metrics\":{\"CH4\":{\"value\":1,\"quality\":\"bad\"}}}", "metric 'CH4': 'quality' \"bad\" is not one of NORMAL"),
                // deviceId
                row(TOPIC, "{\"deviceId\":\"GAS-0002\",\"metrics\":{\"CH4\":1}}", "field 'deviceId' \"GAS-0002\" does not match the topic's device id 'GAS-0001'"),
                row(TOPIC, "{\"deviceId\":1,\"metrics\":{\"CH4\":1}}", "field 'deviceId' 1 does not match the topic's device id 'GAS-0001'"));
    }

    @ParameterizedTest(name = "[{index}] {1} -> {2}")
    @MethodSource("rejections")
    void rejectsWithAReasonNamingTheProblem(String topic, String payload, String reason) {
        TelemetryParseResult result = TelemetryPayloadParser.parse(topic, payload.getBytes(StandardCharsets.UTF_8), RECEIVED_AT, MAX);
        assertThat(result).isInstanceOf(Rejection.class);
        assertThat(((Rejection) result).reason()).contains(reason);
    }

    @Test
    void oversizedPayloadIsRejectedUnreadWithBothSizes() {
        byte[] payload = new byte[MAX + 1];
        Arrays.fill(payload, (byte) '{'); // would be invalid JSON too: the size must be the reason given
        assertThat(TelemetryPayloadParser.parse(TOPIC, payload, RECEIVED_AT, MAX))
                .isEqualTo(new Rejection("payload of 65537 bytes exceeds the limit of 65536"));
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] payload = {'{', '"', 'm', 'e', 't', 'r', 'i', 'c', 's', '"', ':', '{', '"', (byte) 0xC3, 0x28, '"', ':', '1', '}', '}'};
        assertThat(((Rejection) TelemetryPayloadParser.parse(TOPIC, payload, RECEIVED_AT, MAX)).reason())
                .startsWith("payload is not valid UTF-8 JSON: Invalid UTF-8");
    }

    @Test
    void longDeviceInputIsShortenedInReasons() {
        String reason = ((Rejection) TelemetryPayloadParser.parse(TOPIC,
                ("{\"ts\":\"" + "x".repeat(500) + "\",\"metrics\":{\"CH4\":1}}").getBytes(StandardCharsets.UTF_8),
                RECEIVED_AT, MAX)).reason();
        assertThat(reason).endsWith("...'").hasSizeLessThan(250);
    }

    private static Arguments row(String topic, String payload, String reason) {
        return Arguments.of(topic, payload, reason);
    }

    private static Readings accepted(String topic, String payload) {
        TelemetryParseResult result = TelemetryPayloadParser.parse(topic, payload.getBytes(StandardCharsets.UTF_8), RECEIVED_AT, MAX);
        assertThat(result).as("result for %s", payload).isInstanceOf(Readings.class);
        return (Readings) result;
    }

    static List<String> goldenPayloads() {
        return List.of(
                "{\"ts\":1795939200000,\"quality\":\"NORMAL\",\"metrics\":{\"CH4\":0.42,\"CO\":12}}",
                "{\"ts\":\"2026-11-29 16:00:00\",\"deviceId\":\"GAS-0001\",\"metrics\":{\"CO\":{\"value\":3,\"unit\":\"ppm\",\"quality\":\"CALIBRATING\"}}}",
                "{\"quality\":\"fault\",\"metrics\":{\"PM2.5\":35.5,\"T\":-4.25e1}}");
    }
}
