package dev.anjian.jobs.threshold;

import static dev.anjian.jobs.TestDevices.at;
import static dev.anjian.jobs.TestDevices.gasSensor;
import static dev.anjian.jobs.TestDevices.methane;
import static dev.anjian.jobs.TestDevices.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.anjian.events.AlarmCommand;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmState;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.SensorReading;
import dev.anjian.jobs.DeviceControl;
import dev.anjian.jobs.Lateness;
import dev.anjian.jobs.RegistryUpdate;
import dev.anjian.jobs.testing.Harnesses;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calibration/maintenance windows commanded on alarm-commands, and late or back-filled readings. */
class ThresholdSuppressionTest {

    private static final String GAS = "HN-PDS-CM01-CH4-T1";
    private static final Lateness FIVE_MINUTES = new Lateness(300_000);

    private KeyedTwoInputStreamOperatorTestHarness<String, DeviceEvent, DeviceControl, AlarmEvent> harness;

    @BeforeEach
    void open() throws Exception {
        harness = Harnesses.open(new ThresholdDetector(FIVE_MINUTES), DeviceEvent::deviceId, DeviceControl::deviceId);
        harness.processElement2(DeviceControl.of(RegistryUpdate.registered(gasSensor(GAS, methane(0, 0)))), at(0));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aCommandedWindowSuppressesConcentrationAlarmsOnlyInsideIt() throws Exception {
        suppress(at(100), at(200));
        assertThat(harness.numProcessingTimeTimers()).as("the window's clean-up timer").isEqualTo(1);

        send(reading(GAS, "CH4", 2.0, 90));   // before the window: raises
        send(reading(GAS, "CH4", 0.1, 95));   // clears
        send(reading(GAS, "CH4", 2.5, 100));  // calibration gas at the window start: nothing
        send(reading(GAS, "CH4", 2.5, 199));  // still inside
        send(reading(GAS, "CH4", 1.2, 200));  // window over: raises

        assertThat(harness.extractOutputValues()).extracting(AlarmEvent::state, a -> (a.eventTime() - at(0)) / 1000)
                .containsExactly(tuple(AlarmState.RAISED, 90L), tuple(AlarmState.CLEARED, 95L),
                        tuple(AlarmState.RAISED, 200L));
    }

    @Test
    void theWindowIsDroppedByItsTimerOnceItAndTheLateHorizonHavePassed() throws Exception {
        suppress(at(100), at(200));
        int withWindow = harness.numKeyedStateEntries();

        harness.setProcessingTime(at(200) + 300_000 - 1);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(withWindow);
        harness.setProcessingTime(at(200) + 300_000);

        assertThat(harness.numKeyedStateEntries()).as("only the registration").isEqualTo(1);
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void aSuppressForAnUnregisteredDeviceIsDeadLettered() throws Exception {
        harness.processElement2(DeviceControl.suppress(new AlarmCommand(AlarmCommand.Type.SUPPRESS, null, "NOBODY",
                "王工", "calibration", at(0), at(60))), at(0));

        assertThat(Harnesses.sideOutput(harness, ThresholdDetector.DEAD_LETTERS)).extracting(DeadLetter::reason)
                .containsExactly("SUPPRESS for unregistered device NOBODY");
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void lateAndBackfilledReadingsAreEvaluatedButTheirAlarmsAreMarkedBackfilled() throws Exception {
        send(DeviceEvent.reading(GAS, at(0), at(0) + 300_000, new SensorReading("CH4", 1.2, "%", null)));
        send(DeviceEvent.reading(GAS, at(10), at(10) + 300_001, new SensorReading("CH4", 0.1, "%", null)));
        send(reading(GAS, "CH4", 1.3, 20).asBackfilled());
        send(reading(GAS, "CH4", 0.1, 30));

        assertThat(harness.extractOutputValues()).extracting(AlarmEvent::state, AlarmEvent::backfilled).containsExactly(
                tuple(AlarmState.RAISED, false),   // received exactly at the horizon: still live
                tuple(AlarmState.CLEARED, true),   // 1 ms beyond it
                tuple(AlarmState.RAISED, true),    // re-sent by the gateway
                tuple(AlarmState.CLEARED, false));
    }

    private void suppress(long from, long until) throws Exception {
        harness.processElement2(DeviceControl.suppress(new AlarmCommand(AlarmCommand.Type.SUPPRESS, null, GAS, "王工",
                "calibration", from, until)), from);
    }

    private void send(DeviceEvent event) throws Exception {
        harness.processElement1(event, event.eventTime());
    }
}
