package dev.anjian.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.anjian.events.Device;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.Direction;
import dev.anjian.events.Industry;
import dev.anjian.events.MetricSpec;
import dev.anjian.events.VehicleInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    @Test
    void theExampleRegistryGetsEachIncidentAtTheIntendedDevice() {
        Scenario scenario = Scenario.forDevices(ExampleRegistry.devices());

        assertThat(scenario.incidents()).extracting(Incident::name, i -> i.device().deviceId()).containsExactly(
                tuple("ammonia leak", "HN-ZZ-RF01-NH3-MR"),
                tuple("methane spike", "HN-PDS-CM01-CH4-T1"),
                tuple("sensor silence", "HN-AY-ST01-CO-GH"),
                tuple("calibration", "HN-LY-CH01-LEL-D1"));
        assertThat(scenario.length()).as("everything within ~3 minutes at time scale 1").isEqualTo(Duration.ofSeconds(150));
        assertThat(scenario.plan()).first().isEqualTo("+15 s ammonia leak at HN-ZZ-RF01-NH3-MR (氨制冷机房), 85 s");
    }

    @Test
    void aRegistryWithoutFittingDevicesGetsOnlyTheIncidentsItCanHost() {
        Device dust = sensor("D-1", DeviceKind.DUST_MONITOR, Industry.DUST, "INLET_TEMP");
        Device gas = sensor("G-1", DeviceKind.GAS_SENSOR, Industry.DUST, "LEL");

        Scenario scenario = Scenario.forDevices(List.of(dust, gas));

        // No ammonia plant, no coal mine: calibration falls back to any gas sensor, silence to the last other sensor.
        assertThat(scenario.incidents()).extracting(Incident::name, i -> i.device().deviceId()).containsExactly(
                tuple("sensor silence", "D-1"),
                tuple("calibration", "G-1"));
    }

    @Test
    void vehicleTerminalsAndEmptyRegistriesGetNoIncidents() {
        Device coach = new Device("V-1", DeviceKind.VEHICLE_TERMINAL, "E-1", "test", "410100", Industry.ROAD_TRANSPORT, "",
                180, List.of(), new VehicleInfo("豫A·1", 2, VehicleInfo.VehicleClass.COACH, "013800000001", 100));
        assertThat(Scenario.forDevices(List.of(coach)).incidents()).isEmpty();
        assertThat(Scenario.forDevices(List.of()).incidents()).isEmpty();
        assertThat(Scenario.quiet().length()).isEqualTo(Duration.ZERO);
    }

    static Device sensor(String id, DeviceKind kind, Industry industry, String metric) {
        List<MetricSpec> metrics = new ArrayList<>();
        metrics.add(new MetricSpec(metric, "x", Direction.HIGH, List.of(25.0, 50.0), 20.0, 0, 1));
        return new Device(id, kind, "E-1", "test", "410100", industry, "", 60, metrics, null);
    }
}
