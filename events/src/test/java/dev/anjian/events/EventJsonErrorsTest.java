package dev.anjian.events;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad JSON and bad fields fail with an EventFormatException whose message says what is wrong, and where. */
class EventJsonErrorsTest {

    static final String READING = "\"type\":\"SENSOR_READING\",\"deviceId\":\"d1\",\"eventTime\":1764403200000,"
            + "\"receivedAt\":1764403200000";

    static Stream<Arguments> badPayloads() {
        return Stream.of(
                Arguments.of("", DeviceEvent.class, "DeviceEvent: empty payload"),
                Arguments.of("{\"type\":", DeviceEvent.class, "DeviceEvent: not valid JSON"),
                Arguments.of("null", DeviceEvent.class, "DeviceEvent: payload is JSON null"),
                Arguments.of("{" + READING + ",\"reading\":{\"metric\":\"CH4\",\"value\":1}} trailing", DeviceEvent.class, "DeviceEvent: not valid JSON"),
                Arguments.of("{" + READING + ",\"reading\":{\"metric\":\"CH4\",\"unit\":\"%\"}}", DeviceEvent.class,
                        "missing required field 'reading.value'"),
                Arguments.of("{" + READING + ",\"reading\":{\"value\":1.0}}", DeviceEvent.class,
                        "missing required field 'reading.metric'"),
                Arguments.of("{" + READING + "}", DeviceEvent.class, "missing required field 'reading'"),
                Arguments.of("{\"type\":\"SENSOR_READING\",\"deviceId\":\"d1\",\"receivedAt\":1}", DeviceEvent.class,
                        "missing required field 'eventTime'"),
                Arguments.of("{" + READING.replace("\"d1\"", "\"\"") + ",\"reading\":{\"metric\":\"CH4\",\"value\":1}}",
                        DeviceEvent.class, "missing required field 'deviceId'"),
                Arguments.of("{" + READING + ",\"reading\":{\"metric\":\"CH4\",\"value\":\"high\"}}", DeviceEvent.class,
                        "field 'reading.value'"),
                Arguments.of("{" + READING.replace("SENSOR_READING", "SMOKE") + "}", DeviceEvent.class, "field 'type'"),
                Arguments.of("{" + READING + ",\"reading\":{\"metric\":\"CH4\",\"value\":1,\"quality\":\"GOOD\"}}",
                        DeviceEvent.class, "field 'reading.quality'"),
                Arguments.of("{\"deviceId\":\"d\",\"kind\":\"GAS_SENSOR\",\"enterpriseId\":\"e\",\"enterpriseName\":\"n\","
                        + "\"regionCode\":\"4101\",\"industry\":\"DUST\",\"offlineTimeoutSeconds\":60}", Device.class,
                        "field 'regionCode' must be a 6-digit GB/T 2260 code"),
                Arguments.of("{\"deviceId\":\"d\",\"kind\":\"GAS_SENSOR\",\"enterpriseId\":\"e\",\"enterpriseName\":\"n\","
                        + "\"regionCode\":\"410100\",\"industry\":\"DUST\",\"offlineTimeoutSeconds\":60,\"metrics\":[{"
                        + "\"metric\":\"LEL\",\"direction\":\"HIGH\",\"levels\":[50,25],\"clear\":20}]}", Device.class,
                        "field 'metrics[0].levels' must be strictly increasing"),
                Arguments.of("{" + READING + ",\"reading\":{\"metric\":\"CH4\",\"value\":null}}", DeviceEvent.class,
                        "field 'reading.value'"),
                Arguments.of("{" + READING + ",\"reading\":{\"metric\":\"CH4\",\"value\":\"\"}}", DeviceEvent.class,
                        "field 'reading.value'"),
                Arguments.of("{" + READING + ",\"reading\":{\"metric\":\"CH4\",\"value\":\"1.62\"}}", DeviceEvent.class,
                        "field 'reading.value'"),
                Arguments.of("{" + READING.replace("1764403200000,", "1764403200000.9,") + ",\"reading\":{\"metric\":\"CH4\","
                        + "\"value\":1}}", DeviceEvent.class, "field 'eventTime'"),
                Arguments.of("{" + READING + ",\"backfilled\":\"true\",\"reading\":{\"metric\":\"CH4\",\"value\":1}}",
                        DeviceEvent.class, "field 'backfilled'"),
                Arguments.of("{" + READING + ",\"reading\":{\"metric\":\"CH4\",\"value\":1,\"value\":2}}",
                        DeviceEvent.class, "Duplicate field 'value'"),
                Arguments.of("{\"deviceId\":\"d\",\"kind\":\"GAS_SENSOR\",\"enterpriseId\":\"e\",\"enterpriseName\":\"n\","
                        + "\"regionCode\":\"410100\",\"industry\":\"DUST\",\"offlineTimeoutSeconds\":60,\"metrics\":[{"
                        + "\"metric\":\"LEL\",\"direction\":\"HIGH\",\"levels\":[25,50],\"clear\":\"NaN\"}]}", Device.class,
                        "field 'metrics[0].clear'"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badPayloads")
    void failsNamingTheField(String json, Class<?> type, String expectedMessage) {
        assertThatThrownBy(() -> EventJson.read(json, type))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining(expectedMessage);
    }
}
