package dev.anjian.jobs.offline;

import static dev.anjian.jobs.TestDevices.at;
import static dev.anjian.jobs.TestDevices.gasSensor;
import static dev.anjian.jobs.TestDevices.methane;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmIds;
import dev.anjian.events.AlarmState;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceStatus;
import dev.anjian.events.DeviceStatus.Status;
import dev.anjian.events.SensorReading;
import dev.anjian.jobs.RegistryUpdate;
import dev.anjian.jobs.testing.Harnesses;
import java.time.Duration;
import java.util.List;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * OFFLINE judgements held while the job is behind its input. Processing time is the harness's clock; A
 * reports once at 0 s (300 s timeout: deadline 300 s); B's messages are read one a second, each received by
 * its gateway {@code lag} seconds before it is read: the input is that far behind.
 */
class OfflineDetectorLagTest {

    private static final String A = "GAS-A";
    private static final String B = "GAS-B";
    private static final Duration HOLD = Duration.ofMinutes(5);

    private KeyedTwoInputStreamOperatorTestHarness<String, DeviceEvent, RegistryUpdate, DeviceStatus> harness;

    @Test
    void aDeviceWhoseMessageIsStillQueuedIsNotReportedOffline() throws Exception {
        start(HOLD);
        laggingInput(1, 309, 20);
        read(A, 290, 310); // A's message, received at 290 s, queued 20 s like everything else
        laggingInput(311, 400, 20);

        assertThat(statusesOf(A)).extracting(DeviceStatus::status, s -> seconds(s.since()))
                .as("only its first ONLINE: no OFFLINE/ONLINE pair").containsExactly(tuple(Status.ONLINE, 0));
        assertThat(alarmsOf(A)).as("no alarm, no SMS").isEmpty();
        assertThat(harness.numProcessingTimeTimers()).as("one timer per device").isEqualTo(2);
    }

    @Test
    void aSilentDeviceIsOfflineOnceTheInputHasBeenReadPastItsDeadline() throws Exception {
        start(HOLD);
        laggingInput(1, 319, 20);
        assertThat(statusesOf(A)).as("held until 300 s + 20 s").extracting(DeviceStatus::status)
                .containsExactly(Status.ONLINE);

        laggingInput(320, 400, 20);
        assertThat(statusesOf(A)).extracting(DeviceStatus::status, s -> seconds(s.since()))
                .as("since its deadline, as without lag")
                .containsExactly(tuple(Status.ONLINE, 0), tuple(Status.OFFLINE, 300));
        assertThat(alarmsOf(A)).extracting(AlarmEvent::state, a -> seconds(a.episodeStart()), AlarmEvent::backfilled)
                .containsExactly(tuple(AlarmState.RAISED, 300, false));
        assertThat(alarmsOf(A).get(0).alarmId()).isEqualTo(AlarmIds.of(A, "offline", at(300)));
    }

    @Test
    void aLagLongerThanTheMaximumHoldPostponesOnlyByTheHold() throws Exception {
        start(Duration.ofSeconds(60));
        laggingInput(1, 359, 600);
        assertThat(offlineOf(A)).isEmpty();

        laggingInput(360, 360, 600);
        assertThat(offlineOf(A)).containsExactly(300);
    }

    @Test
    void noHoldJudgesAtTheDeadlineWhateverTheLag() throws Exception {
        start(Duration.ZERO);
        laggingInput(1, 299, 20);
        assertThat(offlineOf(A)).isEmpty();

        clock(300);
        assertThat(offlineOf(A)).containsExactly(300);
    }

    @Test
    void whileTheInputReadsNothingTheLastLagMeasuredStillHolds() throws Exception {
        start(HOLD);
        laggingInput(1, 295, 20); // then nothing is read: a stalled operator (checkpoint alignment) looks the same
        clock(300);
        assertThat(offlineOf(A)).as("5 s without a read: stalled, still 20 s behind").isEmpty();

        clock(320);
        assertThat(offlineOf(A)).as("25 s without a read: idle; since its deadline").containsExactly(300);
    }

    @Test
    void afterTheInputCaughtUpAndWentQuietTheDeadlineIsHeldOnlyByTheLastSmallLag() throws Exception {
        start(HOLD);
        laggingInput(1, 100, 20);
        read(B, 150, 150); // caught up: 0 s behind, then nothing
        clock(300);
        assertThat(offlineOf(A)).containsExactly(300);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** Registers A and B at 0 s; A reports at 0 s. */
    private void start(Duration maxLagHold) throws Exception {
        harness = Harnesses.open(new OfflineDetector(Duration.ofSeconds(60), Duration.ZERO, maxLagHold),
                DeviceEvent::deviceId, RegistryUpdate::deviceId);
        clock(0);
        harness.processElement2(RegistryUpdate.registered(gasSensor(A, methane(0, 0))), at(0));
        harness.processElement2(RegistryUpdate.registered(gasSensor(B, methane(0, 0))), at(0));
        read(A, 0, 0);
    }

    /** From {@code fromSeconds} to {@code toSeconds}, each second: B's message received {@code lag} s earlier. */
    private void laggingInput(int fromSeconds, int toSeconds, int lag) throws Exception {
        for (int second = fromSeconds; second <= toSeconds; second++) {
            read(B, second - lag, second);
        }
    }

    /** A message received by the gateway at {@code receivedAt} s, read by the job at {@code readAt} s. */
    private void read(String deviceId, int receivedAt, int readAt) throws Exception {
        clock(readAt);
        harness.processElement1(DeviceEvent.reading(deviceId, at(receivedAt), at(receivedAt),
                new SensorReading("CH4", 0.3, "%", null)), at(readAt));
    }

    private void clock(int seconds) throws Exception {
        harness.setProcessingTime(at(seconds));
    }

    private List<DeviceStatus> statusesOf(String deviceId) {
        return harness.extractOutputValues().stream().filter(s -> s.deviceId().equals(deviceId)).toList();
    }

    private List<Integer> offlineOf(String deviceId) {
        return statusesOf(deviceId).stream().filter(s -> s.status() == Status.OFFLINE)
                .map(s -> seconds(s.since())).toList();
    }

    private List<AlarmEvent> alarmsOf(String deviceId) {
        return Harnesses.sideOutput(harness, OfflineDetector.OFFLINE_ALARMS).stream()
                .filter(a -> a.deviceId().equals(deviceId)).toList();
    }

    private static int seconds(long epochMillis) {
        return (int) ((epochMillis - at(0)) / 1000);
    }
}
