package dev.anjian.jobs.quality;

import static dev.anjian.jobs.TestDevices.at;
import static dev.anjian.jobs.TestDevices.gasSensor;
import static dev.anjian.jobs.TestDevices.methane;
import static dev.anjian.jobs.TestDevices.reading;
import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmIds;
import dev.anjian.events.AlarmState;
import dev.anjian.events.AlarmType;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.Quality;
import dev.anjian.jobs.Lateness;
import dev.anjian.jobs.RegistryUpdate;
import dev.anjian.jobs.testing.Harnesses;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SensorFaultDetectorTest {

    private static final String GAS = "HN-PDS-CM01-CH4-T1";

    record In(int atSeconds, double value, Quality quality) {
    }

    /** Expected: rule, state, time of the reading, episode start, the quality named in the note. */
    record Out(String rule, AlarmState state, int atSeconds, int episodeStartSeconds, String note) {
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("a fault raises SENSOR_FAULT once, the next trustworthy reading clears it", Duration.ZERO,
                        List.of(new In(0, 0.4, Quality.NORMAL), new In(10, 0.0, Quality.DISCONNECTED),
                                new In(20, 0.0, Quality.DISCONNECTED), new In(30, 9.9, Quality.OVER_RANGE),
                                new In(40, 0.4, Quality.NORMAL)),
                        List.of(new Out("sensor-fault:CH4", AlarmState.RAISED, 10, 10, "DISCONNECTED"),
                                new Out("sensor-fault:CH4", AlarmState.CLEARED, 40, 10, "DISCONNECTED"))),
                Arguments.of("negative drift and fault flags are faults; calibration is not", Duration.ZERO,
                        List.of(new In(0, -0.2, Quality.NEGATIVE_DRIFT), new In(10, 2.0, Quality.CALIBRATING),
                                new In(20, 0.0, Quality.FAULT), new In(30, 0.3, Quality.MAINTENANCE)),
                        List.of(new Out("sensor-fault:CH4", AlarmState.RAISED, 0, 0, "NEGATIVE_DRIFT"),
                                new Out("sensor-fault:CH4", AlarmState.CLEARED, 10, 0, "NEGATIVE_DRIFT"),
                                new Out("sensor-fault:CH4", AlarmState.RAISED, 20, 20, "FAULT"),
                                new Out("sensor-fault:CH4", AlarmState.CLEARED, 30, 20, "FAULT"))),
                Arguments.of("stuck value: unchanged for 30 min raises, a change clears", Duration.ofMinutes(30),
                        List.of(new In(0, 0.42, Quality.NORMAL), new In(600, 0.42, Quality.NORMAL),
                                new In(1799, 0.42, Quality.NORMAL), new In(1800, 0.42, Quality.NORMAL),
                                new In(2400, 0.42, Quality.NORMAL), new In(2460, 0.43, Quality.NORMAL)),
                        List.of(new Out("stuck:CH4", AlarmState.RAISED, 1800, 0, "NORMAL"),
                                new Out("stuck:CH4", AlarmState.CLEARED, 2460, 0, "NORMAL"))),
                Arguments.of("stuck value: a change restarts the run; calibration does not time it",
                        Duration.ofMinutes(30),
                        List.of(new In(0, 0.42, Quality.NORMAL), new In(1000, 0.43, Quality.NORMAL),
                                new In(2000, 0.43, Quality.CALIBRATING), new In(2700, 0.43, Quality.NORMAL),
                                new In(2800, 0.43, Quality.NORMAL)),
                        List.of(new Out("stuck:CH4", AlarmState.RAISED, 2800, 1000, "NORMAL"))),
                Arguments.of("stuck-value rule off: a constant value is fine", Duration.ZERO,
                        List.of(new In(0, 0.0, Quality.NORMAL), new In(86_400, 0.0, Quality.NORMAL)), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void emitsExactlyTheExpectedSensorFaultEpisodes(String scenario, Duration stuckAfter, List<In> readings,
            List<Out> expected) throws Exception {
        try (var harness = open(stuckAfter)) {
            for (In in : readings) {
                send(harness, reading(GAS, "CH4", in.value(), in.atSeconds(), in.quality()));
            }

            List<AlarmEvent> alarms = harness.extractOutputValues();
            assertThat(alarms).extracting(a -> new Out(a.rule(), a.state(), seconds(a.eventTime()),
                    seconds(a.episodeStart()), a.note())).containsExactlyElementsOf(expected);
            assertThat(alarms).allSatisfy(a -> {
                assertThat(a.type()).isEqualTo(AlarmType.SENSOR_FAULT);
                assertThat(a.alarmId()).isEqualTo(AlarmIds.of(GAS, a.rule(), a.episodeStart()));
            });
        }
    }

    @Test
    void stateDropsBackToTheRegistrationWhenTheFaultEndsAndToNothingWhenRemoved() throws Exception {
        try (var harness = open(Duration.ZERO)) {
            assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
            send(harness, reading(GAS, "CH4", 0.0, 0, Quality.DISCONNECTED));
            assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
            send(harness, reading(GAS, "CH4", 0.3, 10));
            assertThat(harness.numKeyedStateEntries()).as("fault over: registration only").isEqualTo(1);

            send(harness, reading(GAS, "CH4", 0.0, 20, Quality.FAULT));
            harness.processElement2(RegistryUpdate.removed(GAS), at(30));
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numProcessingTimeTimers()).isZero();
        }
    }

    @Test
    void readingsOfUnregisteredDevicesAreIgnoredHere() throws Exception {
        try (var harness = open(Duration.ZERO)) {
            send(harness, reading("STRANGER", "CH4", 0.0, 0, Quality.FAULT));
            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        }
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, DeviceEvent, RegistryUpdate, AlarmEvent> open(
            Duration stuckAfter) throws Exception {
        var harness = Harnesses.open(new SensorFaultDetector(new Lateness(300_000), stuckAfter), DeviceEvent::deviceId,
                RegistryUpdate::deviceId);
        harness.processElement2(RegistryUpdate.registered(gasSensor(GAS, methane(0, 0))), at(0));
        return harness;
    }

    private static void send(KeyedTwoInputStreamOperatorTestHarness<String, DeviceEvent, RegistryUpdate, AlarmEvent> h,
            DeviceEvent event) throws Exception {
        h.processElement1(event, event.eventTime());
    }

    private static int seconds(long epochMillis) {
        return (int) ((epochMillis - at(0)) / 1000);
    }
}
