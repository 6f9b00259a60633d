package dev.anjian.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.events.Device;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.Direction;
import dev.anjian.events.Industry;
import dev.anjian.events.MetricSpec;
import dev.anjian.events.VehicleInfo.VehicleClass;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped example and the happy path; error cases are in {@link RegistryFileErrorsTest}. */
class RegistryFileTest {

    static final Path EXAMPLE = Path.of("..", "config", "registry", "henan-example.yaml");

    @Test
    void theExampleRegistryParsesIntoEveryDevice() {
        RegistryParse parse = RegistryFile.parse(EXAMPLE);

        assertThat(parse.errors()).isEmpty();
        assertThat(parse.file()).isEqualTo("henan-example.yaml");
        Map<String, Long> perEnterprise = parse.devices().stream()
                .collect(Collectors.groupingBy(Device::enterpriseId, Collectors.counting()));
        assertThat(perEnterprise).containsExactlyInAnyOrderEntriesOf(Map.of(
                "E-HN-COAL-01", 3L, "E-HN-NH3-01", 2L, "E-HN-DUST-01", 1L,
                "E-HN-CHEM-01", 3L, "E-HN-STEEL-01", 2L, "E-HN-FLEET-01", 6L));
    }

    @Test
    void theExampleCarriesTheDocumentedThresholds() {
        Map<String, Device> byId = byId(RegistryFile.parse(EXAMPLE).devices());

        Device t1 = byId.get("HN-PDS-CM01-CH4-T1");
        assertThat(t1.kind()).isEqualTo(DeviceKind.GAS_SENSOR);
        assertThat(t1.regionCode()).isEqualTo("410400");
        assertThat(t1.industry()).isEqualTo(Industry.COAL_MINE);
        assertThat(t1.offlineTimeoutSeconds()).isEqualTo(60);
        assertThat(t1.metric("CH4")).contains(new MetricSpec("CH4", "%", Direction.HIGH, List.of(1.0, 1.5), 1.0, 0, 2));
        assertThat(byId.get("HN-PDS-CM01-CH4-T2").metric("CH4").orElseThrow().levels()).containsExactly(1.0);
        assertThat(byId.get("HN-ZZ-RF01-NH3-MR").metric("NH3").orElseThrow().levels()).containsExactly(25.0, 100.0);
        assertThat(byId.get("HN-XC-DU01-BF-01").metrics()).extracting(MetricSpec::metric).containsExactly("DP", "INLET_TEMP");
        assertThat(byId.get("HN-XC-DU01-BF-01").metric("DP").orElseThrow().debounceSeconds()).isEqualTo(30);
        assertThat(byId.get("HN-LY-CH01-H2S-LD").metric("H2S").orElseThrow().unit()).isEqualTo("%OEL");
        assertThat(byId.get("HN-AY-ST01-CO-VS").metric("CO").orElseThrow().levels()).containsExactly(24.0, 160.0);
    }

    @Test
    void vehicleTerminalsKeepTheirPhonesLeadingZeroAndGetTheVehicleTimeout() {
        Device coach = byId(RegistryFile.parse(EXAMPLE).devices()).get("HN-ZZ-FL01-V01");

        assertThat(coach.kind()).isEqualTo(DeviceKind.VEHICLE_TERMINAL);
        assertThat(coach.enterpriseName()).isEqualTo("郑州示范客运危货运输公司");
        assertThat(coach.offlineTimeoutSeconds()).isEqualTo(180);
        assertThat(coach.metrics()).isEmpty();
        assertThat(coach.vehicle().plateNumber()).isEqualTo("豫A·12345");
        assertThat(coach.vehicle().plateColor()).isEqualTo(2);
        assertThat(coach.vehicle().vehicleClass()).isEqualTo(VehicleClass.COACH);
        assertThat(coach.vehicle().terminalPhone()).isEqualTo("013800000001");
        assertThat(coach.vehicle().speedLimitKmh()).isEqualTo(100);
    }

    @Test
    void optionalFieldsTakeTheirDefaultsAndExplicitValuesWin() {
        RegistryParse parse = RegistryFile.parse("t.yaml", """
                enterprises:
                  - id: E-1
                    name: 测试企业
                    region: 410100
                    industry: DUST
                    devices:
                      - id: D-1
                        kind: DUST_MONITOR
                        offlineTimeoutSeconds: 300
                        metrics:
                          - {name: O2, unit: "%VOL", direction: LOW, levels: [19.5, 18.0], clear: 20.0,
                             debounceSeconds: 10, debounceSamples: 3}
                          - {name: INLET_TEMP, unit: °C, levels: [70], clear: 65}
                """);

        assertThat(parse.errors()).isEmpty();
        Device device = parse.devices().get(0);
        assertThat(device.regionCode()).isEqualTo("410100");
        assertThat(device.location()).isEmpty();
        assertThat(device.offlineTimeoutSeconds()).isEqualTo(300);
        assertThat(device.metrics()).containsExactly(
                new MetricSpec("O2", "%VOL", Direction.LOW, List.of(19.5, 18.0), 20.0, 10, 3),
                new MetricSpec("INLET_TEMP", "°C", Direction.HIGH, List.of(70.0), 65.0, 0, 1));
    }

    @Test
    void anMqttCredentialIsOptionalAndKeptAsWritten() {
        Map<String, Device> byId = byId(RegistryFile.parse(EXAMPLE).devices());

        // The demo passwords documented next to them in the example file.
        assertThat(byId.get("HN-PDS-CM01-CH4-T1").credential())
                .hasValueSatisfying(c -> assertThat(c.matches("demo-PDS-CH4-T1")).isTrue());
        assertThat(byId.get("HN-ZZ-RF01-NH3-MR").credential())
                .hasValueSatisfying(c -> assertThat(c.matches("demo-ZZ-NH3-MR")).isTrue());
        assertThat(byId.get("HN-PDS-CM01-CH4-T2").mqttCredential()).isNull();
        assertThat(byId.values().stream().filter(d -> d.mqttCredential() != null)).hasSize(2);
    }

    private static Map<String, Device> byId(List<Device> devices) {
        return devices.stream().collect(Collectors.toMap(Device::deviceId, d -> d));
    }
}
