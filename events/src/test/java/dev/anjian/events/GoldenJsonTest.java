package dev.anjian.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the wire format of every contract record both ways: the golden file reads into exactly the record
 * built here, and the record writes exactly the golden JSON (same fields, same values, nothing extra).
 */
class GoldenJsonTest {

    static final long T0 = 1764403200000L; // 2025-11-29T16:00:00+08:00

    static Stream<Arguments> fixtures() {
        MetricSpec ch4 = new MetricSpec("CH4", "%", Direction.HIGH, List.of(1.0, 1.5), 1.0, 0, 2);
        return Stream.of(
                Arguments.of("sensor-reading.json", DeviceEvent.class,
                        DeviceEvent.reading("HN-PDS-CM01-CH4-T1", T0, T0 + 120,
                                new SensorReading("CH4", 1.62, "%", Quality.NORMAL)).withEnterprise("E-HN-COAL-01")),
                Arguments.of("vehicle-location.json", DeviceEvent.class,
                        DeviceEvent.location("HN-ZZ-FLEET-DG-01", T0, T0 + 60_000, true,
                                new VehicleLocation(34.746611, 113.625368, 110, 82.5, 270, 2L, 3L, 1L, 5L, 0L,
                                        List.of(new ActiveSafetyEvent(ActiveSafetyEvent.System.DSM, 17,
                                                ActiveSafetyEvent.Flag.START, 1, 2, "30313233343536251129160000010100"))))),
                Arguments.of("connectivity.json", DeviceEvent.class,
                        DeviceEvent.connectivity("HN-ZZ-FLEET-DG-01", T0,
                                new Connectivity(Connectivity.State.DISCONNECTED, "jt808-1", "idle timeout 180 s"))),
                Arguments.of("device.json", Device.class,
                        new Device("HN-PDS-CM01-CH4-T1", DeviceKind.GAS_SENSOR, "E-HN-COAL-01", "平顶山某煤矿", "410400",
                                Industry.COAL_MINE, "1201回采工作面T1", 60, List.of(ch4), null)),
                // device.json (written before mqttCredential existed) still reads, as a device without one.
                Arguments.of("mqtt-device.json", Device.class,
                        new Device("HN-PDS-CM01-CH4-T1", DeviceKind.GAS_SENSOR, "E-HN-COAL-01", "平顶山某煤矿", "410400",
                                Industry.COAL_MINE, "1201回采工作面T1", 60, List.of(ch4), null,
                                MqttCredentialTest.KNOWN)),
                Arguments.of("vehicle-device.json", Device.class,
                        new Device("HN-ZZ-FLEET-DG-01", DeviceKind.VEHICLE_TERMINAL, "E-HN-FLEET-01", "郑州某危货运输公司",
                                "410100", Industry.ROAD_TRANSPORT, "", 180, List.of(),
                                new VehicleInfo("豫A·D1234", 2, VehicleInfo.VehicleClass.DANGEROUS_GOODS, "013800000001", 80))),
                Arguments.of("alarm-event.json", AlarmEvent.class,
                        new AlarmEvent("A0123456789abcde", AlarmState.ESCALATED, AlarmType.THRESHOLD, "threshold:CH4",
                                "HN-PDS-CM01-CH4-T1", "E-HN-COAL-01", "平顶山某煤矿", "410400", Industry.COAL_MINE,
                                "1201回采工作面T1", "CH4", "%", 2, 1.62, 1.5, T0, T0 + 5000, false, null, null)),
                Arguments.of("alarm-command.json", AlarmCommand.class,
                        new AlarmCommand(AlarmCommand.Type.ACKNOWLEDGE, "A0123456789abcde", "HN-PDS-CM01-CH4-T1",
                                "zhang.san@pds-center", "已通知井下撤人", T0 + 60_000, 0)),
                Arguments.of("device-status.json", DeviceStatus.class,
                        new DeviceStatus("HN-PDS-CM01-CO-01", DeviceStatus.Status.OFFLINE, T0 + 60_000, "no message for 60 s",
                                "E-HN-COAL-01", "410400", Industry.COAL_MINE, DeviceKind.CO_SENSOR)),
                Arguments.of("online-rate.json", OnlineRate.class,
                        new OnlineRate("REGION_INDUSTRY", "410100/ROAD_TRANSPORT", 1764345600000L, 1764432000000L,
                                6, 5, 6, 0.9875, 1.0)),
                Arguments.of("notification.json", Notification.class,
                        new Notification("A0123456789abcde", AlarmState.RAISED, "E-HN-COAL-01.safety", "138****0001",
                                "E-HN-COAL-01", "log", Notification.Result.SENT, "【安监】平顶山某煤矿 1201回采工作面T1 CH4 1.62%",
                                T0 + 6000, 1, "log-1", null)),
                Arguments.of("dead-letter.json", DeadLetter.class,
                        DeadLetter.of("mqtt", "anjian/telemetry/E-HN-COAL-01/HN-PDS-CM01-CH4-T1", "not valid JSON",
                                "{bad".getBytes(java.nio.charset.StandardCharsets.UTF_8), T0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void goldenJsonReadsIntoTheRecord(String file, Class<?> type, Object expected) throws IOException {
        assertThat(EventJson.read(golden(file), type)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void recordWritesTheGoldenJson(String file, Class<?> type, Object expected) throws IOException {
        JsonNode written = EventJson.mapper().readTree(EventJson.write(expected));
        JsonNode golden = EventJson.mapper().readTree(golden(file));
        assertThat(written).isEqualTo(golden);
    }

    static byte[] golden(String file) throws IOException {
        try (InputStream in = GoldenJsonTest.class.getResourceAsStream("/golden/" + file)) {
            assertThat(in).as("fixture %s", file).isNotNull();
            return in.readAllBytes();
        }
    }
}
