package dev.anjian.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.anjian.events.Device;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.MetricSpec;
import dev.anjian.events.Quality;
import dev.anjian.ingest.mqtt.TelemetryMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The model at named instants of the documented timeline (Scenario and the incident classes' Javadoc). */
class TelemetryModelTest {

    static final Duration QUIET = Duration.ofSeconds(10);
    static final Duration LEAK_ABOVE_LEVEL_1 = Scenario.AMMONIA_LEAK_START.plusSeconds(20);
    static final Duration LEAK_PEAK = Scenario.AMMONIA_LEAK_START.plusSeconds(40);
    static final Duration LEAK_CLEARED = Scenario.AMMONIA_LEAK_START.plusSeconds(75);
    static final Duration LEAK_OVER = Scenario.AMMONIA_LEAK_START.plusSeconds(90);
    static final Duration SILENT = Scenario.SILENCE_START.plusSeconds(30);
    static final Duration BACK_ONLINE = Scenario.SILENCE_START.plusSeconds(95);
    static final Duration CALIBRATING = Scenario.CALIBRATION_START.plusSeconds(15);
    static final Duration CALIBRATED = Scenario.CALIBRATION_START.plusSeconds(35);

    private final List<Device> devices = ExampleRegistry.devices();
    private final TelemetryModel model = new TelemetryModel(Scenario.forDevices(devices), 42);

    private final Device machineRoom = ExampleRegistry.device("HN-ZZ-RF01-NH3-MR");
    private final MetricSpec nh3 = machineRoom.metric("NH3").orElseThrow();
    private final Device workingFace = ExampleRegistry.device("HN-PDS-CM01-CH4-T1");
    private final MetricSpec ch4 = workingFace.metric("CH4").orElseThrow();

    @Test
    void beforeAnyIncidentEverySensorReadsNormalWellInsideItsSafeRange() {
        for (long second = 0; second < Scenario.AMMONIA_LEAK_START.toSeconds(); second++) {
            for (Device sensor : sensors()) {
                for (MetricSpec metric : sensor.metrics()) {
                    Sample.Reading reading = reading(sensor, metric, Duration.ofSeconds(second));
                    assertThat(reading.quality()).isEqualTo(Quality.NORMAL);
                    assertThat(metric.levelOf(reading.value())).as("%s %s", sensor.deviceId(), metric.metric()).isZero();
                    assertThat(reading.value()).as("%s %s", sensor.deviceId(), metric.metric()).isLessThan(metric.clear());
                }
            }
        }
        assertThat(value(workingFace, ch4, QUIET)).isBetween(0.2, 0.4);
        assertThat(value(machineRoom, nh3, QUIET)).isBetween(2.0, 8.0);
        assertThat(value(ExampleRegistry.device("HN-AY-ST01-CO-VS"), "CO", QUIET)).isBetween(2.0, 6.0);
        assertThat(value(ExampleRegistry.device("HN-LY-CH01-LEL-D2"), "LEL", QUIET)).isBetween(0.0, 3.0);
        Device bagFilter = ExampleRegistry.device("HN-XC-DU01-BF-01");
        assertThat(value(bagFilter, "INLET_TEMP", QUIET)).isBetween(35.0, 45.0);
        assertThat(value(bagFilter, "DP", QUIET)).isCloseTo(1200.0, within(1200 * 0.03));
    }

    @Test
    void theSameSeedGivesTheSameValuesAndAnotherSeedOthers() {
        TelemetryModel again = new TelemetryModel(Scenario.forDevices(devices), 42);
        TelemetryModel otherSeed = new TelemetryModel(Scenario.forDevices(devices), 7);
        Set<Double> values = new HashSet<>();
        boolean anyDifferent = false;
        for (long second = 0; second < 20; second++) {
            Duration at = Duration.ofSeconds(second);
            double value = value(workingFace, ch4, at);
            assertThat(again.sample(workingFace, ch4, at)).isEqualTo(model.sample(workingFace, ch4, at));
            anyDifferent |= ((Sample.Reading) otherSeed.sample(workingFace, ch4, at)).value() != value;
            values.add(value);
        }
        assertThat(anyDifferent).as("another seed changes the noise").isTrue();
        assertThat(values).as("noise: values vary over time").hasSizeGreaterThan(3);
    }

    @Test
    void theAmmoniaLeakCrossesLevelOneThenLevelTwoThenClears() {
        assertThat(nh3.levelOf(value(machineRoom, nh3, LEAK_ABOVE_LEVEL_1))).isEqualTo(1);
        assertThat(nh3.levelOf(value(machineRoom, nh3, LEAK_PEAK))).isEqualTo(2);
        assertThat(value(machineRoom, nh3, LEAK_CLEARED)).isLessThan(nh3.clear());
        assertThat(value(machineRoom, nh3, LEAK_OVER)).isBetween(2.0, 8.0);

        List<Integer> levels = new ArrayList<>();
        for (long second = 0; second < 110; second++) {
            levels.add(nh3.levelOf(value(machineRoom, nh3, Duration.ofSeconds(second))));
        }
        int firstLevel1 = levels.indexOf(1);
        int firstLevel2 = levels.indexOf(2);
        int backToZero = levels.subList(firstLevel2, levels.size()).indexOf(0) + firstLevel2;
        assertThat(firstLevel1).isGreaterThan((int) Scenario.AMMONIA_LEAK_START.toSeconds()).isLessThan(firstLevel2);
        assertThat(backToZero).isGreaterThan(firstLevel2);
        assertThat(levels.subList(backToZero, levels.size())).containsOnly(0);
    }

    @Test
    void theOtherAmmoniaSensorIsNotPartOfTheLeak() {
        Device corridor = ExampleRegistry.device("HN-ZZ-RF01-NH3-CC");
        assertThat(value(corridor, "NH3", LEAK_PEAK)).isBetween(2.0, 8.0);
    }

    @Test
    void theMethaneSpikeFlapsAroundLevelOneSeveralTimesThenSubsides() {
        Duration flapFrom = Scenario.METHANE_SPIKE_START.plusSeconds(10);
        int crossings = 0;
        int previous = ch4.levelOf(value(workingFace, ch4, flapFrom.minusMillis(500)));
        for (long ms = 0; ms < 30_000; ms += 500) {
            double value = value(workingFace, ch4, flapFrom.plusMillis(ms));
            assertThat(value).isBetween(ch4.threshold(1) * 0.94, ch4.threshold(1) * 1.06);
            int level = ch4.levelOf(value);
            crossings += level != previous ? 1 : 0;
            previous = level;
        }
        assertThat(crossings).isGreaterThanOrEqualTo(6);
        Duration over = Scenario.METHANE_SPIKE_START.plus(MethaneFlapping.LENGTH);
        assertThat(value(workingFace, ch4, over)).isBetween(0.2, 0.4);
    }

    @Test
    void theSilentSensorPublishesNothingThenComesBack() {
        Device gasHolder = ExampleRegistry.device("HN-AY-ST01-CO-GH");
        MetricSpec co = gasHolder.metric("CO").orElseThrow();

        assertThat(model.sample(gasHolder, co, SILENT)).isInstanceOf(Sample.Silent.class);
        assertThat(model.message(gasHolder, SILENT, 1L)).isEmpty();
        assertThat(model.message(gasHolder, Scenario.SILENCE_START.minusSeconds(1), 1L)).isPresent();
        assertThat(model.message(gasHolder, BACK_ONLINE, 1L)).isPresent();
        assertThat(model.message(ExampleRegistry.device("HN-AY-ST01-CO-VS"), SILENT, 1L)).isPresent();
    }

    @Test
    void aCalibrationFlagsTheDeviceCalibratingWithCalibrationGasThenNormal() {
        Device dike = ExampleRegistry.device("HN-LY-CH01-LEL-D1");
        MetricSpec lel = dike.metric("LEL").orElseThrow();

        Sample.Reading during = reading(dike, lel, CALIBRATING);
        assertThat(during.quality()).isEqualTo(Quality.CALIBRATING);
        assertThat(during.value()).isCloseTo(lel.threshold(2), within(lel.threshold(2) * 0.011));
        assertThat(model.message(dike, CALIBRATING, 1L).orElseThrow().quality()).isEqualTo(Quality.CALIBRATING);

        Sample.Reading after = reading(dike, lel, CALIBRATED);
        assertThat(after.quality()).isEqualTo(Quality.NORMAL);
        assertThat(lel.levelOf(after.value())).isZero();
    }

    @Test
    void aMessageCarriesEveryMetricOfTheDeviceUnderItsTelemetryTopic() {
        Device bagFilter = ExampleRegistry.device("HN-XC-DU01-BF-01");

        TelemetryMessage message = model.message(bagFilter, QUIET, 1_764_374_400_000L).orElseThrow();

        assertThat(message.topic()).isEqualTo("anjian/telemetry/E-HN-DUST-01/HN-XC-DU01-BF-01");
        assertThat(message.ts()).isEqualTo(1_764_374_400_000L);
        assertThat(message.quality()).isEqualTo(Quality.NORMAL);
        assertThat(message.metrics()).containsOnlyKeys("DP", "INLET_TEMP");
    }

    private List<Device> sensors() {
        return devices.stream().filter(d -> d.kind() != DeviceKind.VEHICLE_TERMINAL).toList();
    }

    private Sample.Reading reading(Device device, MetricSpec metric, Duration at) {
        Sample sample = model.sample(device, metric, at);
        assertThat(sample).as("%s at %s", device.deviceId(), at).isInstanceOf(Sample.Reading.class);
        return (Sample.Reading) sample;
    }

    private double value(Device device, MetricSpec metric, Duration at) {
        return reading(device, metric, at).value();
    }

    private double value(Device device, String metric, Duration at) {
        return value(device, device.metric(metric).orElseThrow(), at);
    }
}
