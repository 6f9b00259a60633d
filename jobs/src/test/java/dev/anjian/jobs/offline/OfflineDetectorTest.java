package dev.anjian.jobs.offline;

import static dev.anjian.jobs.TestDevices.at;
import static dev.anjian.jobs.TestDevices.gasSensor;
import static dev.anjian.jobs.TestDevices.methane;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmIds;
import dev.anjian.events.AlarmState;
import dev.anjian.events.AlarmType;
import dev.anjian.events.Connectivity;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceStatus;
import dev.anjian.events.DeviceStatus.Status;
import dev.anjian.events.SensorReading;
import dev.anjian.jobs.DetectionSettings;
import dev.anjian.jobs.RegistryUpdate;
import dev.anjian.jobs.testing.Harnesses;
import java.time.Duration;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Processing time is the harness's clock; every device here has a 300 s timeout (TestDevices.gasSensor). */
class OfflineDetectorTest {

    private static final String A = "GAS-A";
    private static final String B = "GAS-B";
    private static final Duration GRACE = Duration.ofSeconds(60);

    private KeyedTwoInputStreamOperatorTestHarness<String, DeviceEvent, RegistryUpdate, DeviceStatus> harness;

    @Test
    void aRegisteredDeviceThatNeverReportsIsOfflineAfterItsTimeoutAndOnlineOnItsFirstMessage() throws Exception {
        start(Duration.ZERO, null);
        register(A, 0);

        clock(299);
        assertThat(statuses()).isEmpty();
        clock(300);
        assertThat(statuses()).extracting(DeviceStatus::status, s -> seconds(s.since()), DeviceStatus::reason)
                .containsExactly(tuple(Status.OFFLINE, 300, "never reported since registration"));
        assertThat(harness.numProcessingTimeTimers()).as("no timer while offline").isZero();

        message(A, 400);
        assertThat(statuses()).extracting(DeviceStatus::status, s -> seconds(s.since()))
                .containsExactly(tuple(Status.OFFLINE, 300), tuple(Status.ONLINE, 400));
        assertThat(offlineAlarms()).extracting(AlarmEvent::state, a -> seconds(a.episodeStart()), AlarmEvent::backfilled)
                .containsExactly(tuple(AlarmState.RAISED, 300, false), tuple(AlarmState.CLEARED, 300, false));
        assertThat(offlineAlarms()).allSatisfy(a -> {
            assertThat(a.type()).isEqualTo(AlarmType.OFFLINE);
            assertThat(a.alarmId()).isEqualTo(AlarmIds.of(A, "offline", at(300)));
        });
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
    }

    @Test
    void eachMessageMovesTheDeadlineWithOneTimerPerDevice() throws Exception {
        start(Duration.ZERO, null);
        register(A, 0);
        message(A, 10);
        message(A, 200);
        assertThat(statuses()).extracting(DeviceStatus::status).containsExactly(Status.ONLINE);
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        clock(499);
        assertThat(statuses()).hasSize(1);
        clock(500);
        assertThat(statuses()).extracting(DeviceStatus::status, s -> seconds(s.since()), DeviceStatus::reason)
                .containsExactly(tuple(Status.ONLINE, 10, "message received"),
                        tuple(Status.OFFLINE, 500, "no message for 300 s"));
    }

    @Test
    void aGatewayDisconnectWithoutReconnectWithinTheGraceIsOffline() throws Exception {
        start(Duration.ZERO, null);
        register(A, 0);
        register(B, 0);
        message(A, 0);
        message(B, 0);
        disconnect(A, 10);
        disconnect(B, 10);
        clock(40);
        harness.processElement1(DeviceEvent.connectivity(B, at(40), new Connectivity(Connectivity.State.CONNECTED,
                "jt808-1", "")), at(40));

        clock(70);
        assertThat(statuses()).filteredOn(s -> s.status() == Status.OFFLINE)
                .extracting(DeviceStatus::deviceId, s -> seconds(s.since()), DeviceStatus::reason)
                .containsExactly(tuple(A, 70, "gateway jt808-1 lost the connection: TCP closed"));
        clock(340);
        assertThat(statuses()).filteredOn(s -> s.status() == Status.OFFLINE).extracting(DeviceStatus::deviceId)
                .containsExactly(A, B);
    }

    @Test
    void aRemovedDeviceLeavesNoStateAndNoTimer() throws Exception {
        start(Duration.ZERO, null);
        register(A, 0);
        message(A, 5);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);

        harness.processElement2(RegistryUpdate.removed(A), at(6));
        clock(1000);

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(statuses()).extracting(DeviceStatus::status).containsExactly(Status.ONLINE);
    }

    /**
     * The job stops at 100 s and restarts at 1000 s. Meanwhile A kept reporting (the last at 900 s, still in
     * Kafka); B went silent after 0 s. After the restart, the overdue timers wait out the restart grace, the
     * backlog is read, then only B is reported, since 300 s, with the id it would have had without the restart.
     */
    @Test
    void afterARestartTheSilentDeviceIsStillReportedAndTheReportingOneIsNot() throws Exception {
        start(Duration.ofSeconds(30), null);
        register(A, 0);
        register(B, 0);
        message(A, 0);
        message(B, 0);
        clock(100);
        OperatorSubtaskState checkpoint = harness.snapshot(1L, at(100));
        harness.close();

        start(Duration.ofSeconds(30), checkpoint);
        clock(1000);
        assertThat(statuses()).as("overdue timers wait for the backlog").isEmpty();
        message(A, 600);
        message(A, 900);
        clock(1030);

        assertThat(statuses()).extracting(DeviceStatus::deviceId, DeviceStatus::status, s -> seconds(s.since()))
                .containsExactly(tuple(A, Status.OFFLINE, 300), tuple(A, Status.ONLINE, 600),
                        tuple(B, Status.OFFLINE, 300));
        assertThat(offlineAlarms()).extracting(AlarmEvent::deviceId, AlarmEvent::state, AlarmEvent::backfilled)
                .as("A was offline 300-600 s while the job was down: history, no live SMS")
                .containsExactly(tuple(A, AlarmState.RAISED, true), tuple(A, AlarmState.CLEARED, true),
                        tuple(B, AlarmState.RAISED, false));
        assertThat(offlineAlarms().get(2).alarmId()).isEqualTo(AlarmIds.of(B, "offline", at(300)));
        harness.close();
    }

    private void start(Duration restoreGrace, OperatorSubtaskState checkpoint) throws Exception {
        harness = Harnesses.open(new OfflineDetector(GRACE, restoreGrace,
                DetectionSettings.defaults().maxLagHold()), DeviceEvent::deviceId,
                RegistryUpdate::deviceId, checkpoint);
        harness.setProcessingTime(checkpoint == null ? at(0) : at(100));
    }

    private void register(String deviceId, int atSeconds) throws Exception {
        harness.processElement2(RegistryUpdate.registered(gasSensor(deviceId, methane(0, 0))), at(atSeconds));
    }

    /** A reading the gateway received at T0 + seconds (the harness clock follows when it is later). */
    private void message(String deviceId, int atSeconds) throws Exception {
        if (harness.getProcessingTime() < at(atSeconds)) {
            clock(atSeconds);
        }
        harness.processElement1(DeviceEvent.reading(deviceId, at(atSeconds), at(atSeconds),
                new SensorReading("CH4", 0.3, "%", null)), at(atSeconds));
    }

    private void disconnect(String deviceId, int atSeconds) throws Exception {
        clock(atSeconds);
        harness.processElement1(DeviceEvent.connectivity(deviceId, at(atSeconds), new Connectivity(
                Connectivity.State.DISCONNECTED, "jt808-1", "TCP closed")), at(atSeconds));
    }

    private void clock(int seconds) throws Exception {
        harness.setProcessingTime(at(seconds));
    }

    private List<DeviceStatus> statuses() {
        return harness.extractOutputValues();
    }

    private List<AlarmEvent> offlineAlarms() {
        return Harnesses.sideOutput(harness, OfflineDetector.OFFLINE_ALARMS);
    }

    private static int seconds(long epochMillis) {
        return (int) ((epochMillis - at(0)) / 1000);
    }
}
