package dev.anjian.jobs;

import static dev.anjian.jobs.TestDevices.at;
import static dev.anjian.jobs.TestDevices.gasSensor;
import static dev.anjian.jobs.TestDevices.methane;
import static dev.anjian.jobs.TestDevices.reading;
import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmState;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.Quality;
import dev.anjian.events.VehicleLocation;
import dev.anjian.jobs.offline.OfflineDetector;
import dev.anjian.jobs.quality.SensorFaultDetector;
import dev.anjian.jobs.testing.Harnesses;
import dev.anjian.jobs.threshold.ThresholdDetector;
import dev.anjian.jobs.vehicle.VehicleRuleSettings;
import dev.anjian.jobs.vehicle.VehicleRules;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every detector, with open episodes when its device leaves the registry: each episode gets exactly one
 * CLEARED under its RAISED's id, with the reason, and nothing of the device is left (state, timers).
 */
class RemovalEndsOpenEpisodesTest {

    private static final String GAS = "HN-PDS-CM01-CH4-T1";
    private static final String VT = "HN-ZZ-FL01-V01";
    private static final Lateness LATENESS = new Lateness(300_000);
    private static final String REMOVED = "device removed from the registry";

    /** What a scenario leaves: every alarm emitted, and the operator's state entries and timers at the end. */
    record Outcome(List<AlarmEvent> alarms, int stateEntries, int timers) {
    }

    interface Scenario {
        Outcome run() throws Exception;
    }

    static Stream<Arguments> detectors() {
        return Stream.of(
                Arguments.of("offline: an OFFLINE episode", 1, REMOVED, (Scenario) RemovalEndsOpenEpisodesTest::offline),
                Arguments.of("threshold: a level-2 CH4 episode", 1, REMOVED,
                        (Scenario) RemovalEndsOpenEpisodesTest::threshold),
                Arguments.of("sensor fault: a DISCONNECTED sensor", 1, REMOVED,
                        (Scenario) RemovalEndsOpenEpisodesTest::sensorFault),
                Arguments.of("vehicle: a held JT/T 808 bit and a derived overspeed episode", 2, REMOVED,
                        (Scenario) () -> vehicle(RegistryUpdate.removed(VT))),
                Arguments.of("vehicle: the device is no longer a vehicle terminal", 2,
                        "device is no longer a vehicle terminal",
                        (Scenario) () -> vehicle(RegistryUpdate.registered(notAVehicle()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectors")
    void eachOpenEpisodeEndsOnceUnderItsOwnIdAndNothingIsLeft(String name, int open, String why, Scenario scenario)
            throws Exception {
        Outcome outcome = scenario.run();

        List<AlarmEvent> raised = outcome.alarms().stream().filter(a -> a.state() == AlarmState.RAISED).toList();
        List<AlarmEvent> cleared = outcome.alarms().stream().filter(a -> a.state() == AlarmState.CLEARED).toList();
        assertThat(raised).hasSize(open);
        assertThat(cleared).extracting(AlarmEvent::alarmId)
                .containsExactlyInAnyOrderElementsOf(raised.stream().map(AlarmEvent::alarmId).toList());
        assertThat(cleared).allSatisfy(c -> {
            assertThat(c.note()).isEqualTo(why);
            assertThat(c.backfilled()).isFalse();
            assertThat(c.eventTime()).isGreaterThanOrEqualTo(c.episodeStart());
        });
        assertThat(outcome.stateEntries()).as("keyed state left").isZero();
        assertThat(outcome.timers()).as("timers left").isZero();
    }

    private static Outcome offline() throws Exception {
        try (var h = Harnesses.open(new OfflineDetector(Duration.ofSeconds(60), Duration.ZERO, Duration.ZERO),
                DeviceEvent::deviceId, RegistryUpdate::deviceId)) {
            h.setProcessingTime(at(0));
            h.processElement2(RegistryUpdate.registered(gasSensor(GAS, methane(0, 0))), at(0));
            h.setProcessingTime(at(300)); // never reported within its 300 s: OFFLINE
            h.setProcessingTime(at(400));
            h.processElement2(RegistryUpdate.removed(GAS), at(400));
            return new Outcome(Harnesses.sideOutput(h, OfflineDetector.OFFLINE_ALARMS), h.numKeyedStateEntries(),
                    h.numProcessingTimeTimers());
        }
    }

    private static Outcome threshold() throws Exception {
        try (var h = Harnesses.open(new ThresholdDetector(LATENESS), DeviceEvent::deviceId, DeviceControl::deviceId)) {
            h.setProcessingTime(at(0));
            h.processElement2(DeviceControl.of(RegistryUpdate.registered(gasSensor(GAS, methane(0, 0)))), at(0));
            h.processElement1(reading(GAS, "CH4", 1.6, 0), at(0));
            h.processElement1(reading(GAS, "CH4", 1.7, 10), at(10));
            h.setProcessingTime(at(20));
            h.processElement2(DeviceControl.of(RegistryUpdate.removed(GAS)), at(20));
            return new Outcome(h.extractOutputValues(), h.numKeyedStateEntries(), h.numProcessingTimeTimers());
        }
    }

    private static Outcome sensorFault() throws Exception {
        try (var h = Harnesses.open(new SensorFaultDetector(LATENESS, Duration.ZERO), DeviceEvent::deviceId,
                RegistryUpdate::deviceId)) {
            h.setProcessingTime(at(0));
            h.processElement2(RegistryUpdate.registered(gasSensor(GAS, methane(0, 0))), at(0));
            h.processElement1(reading(GAS, "CH4", 0.0, 0, Quality.DISCONNECTED), at(0));
            h.setProcessingTime(at(30));
            h.processElement2(RegistryUpdate.removed(GAS), at(30));
            return new Outcome(h.extractOutputValues(), h.numKeyedStateEntries(), h.numProcessingTimeTimers());
        }
    }

    /** Overspeed bit held from T0, and 110 km/h over the coach's 100 km/h limit for 20 s; then {@code update}. */
    private static Outcome vehicle(RegistryUpdate update) throws Exception {
        try (var h = Harnesses.open(new VehicleRules(LATENESS, VehicleRuleSettings.defaults()), DeviceEvent::deviceId,
                RegistryUpdate::deviceId)) {
            h.setProcessingTime(at(0));
            h.processElement2(RegistryUpdate.registered(TestDevices.vehicleTerminal(VT)), at(0));
            for (int t : new int[] {0, 10, 20}) {
                h.setProcessingTime(at(t));
                h.processElement1(DeviceEvent.location(VT, at(t), at(t) + 500, false,
                        new VehicleLocation(34.7466, 113.6253, 110, 110, 90, 0b10, 3L)), at(t));
            }
            h.setProcessingTime(at(30));
            h.processElement2(update, at(30));
            return new Outcome(h.extractOutputValues(), h.numKeyedStateEntries(), h.numProcessingTimeTimers());
        }
    }

    private static Device notAVehicle() {
        Device vt = TestDevices.vehicleTerminal(VT);
        return new Device(VT, DeviceKind.GAS_SENSOR, vt.enterpriseId(), vt.enterpriseName(), vt.regionCode(),
                vt.industry(), vt.location(), vt.offlineTimeoutSeconds(), List.of(), null);
    }
}
