package dev.anjian.jobs.lifecycle;

import static dev.anjian.jobs.TestDevices.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.anjian.events.AlarmCommand;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmState;
import dev.anjian.events.AlarmType;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.EventJson;
import dev.anjian.jobs.Alarms;
import dev.anjian.jobs.TestDevices;
import dev.anjian.jobs.testing.Harnesses;
import java.time.Duration;
import java.util.List;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlarmLifecycleTest {

    private static final String VT = "HN-ZZ-FL01-V01";
    private static final Duration RETENTION = Duration.ofHours(24);

    private KeyedTwoInputStreamOperatorTestHarness<String, AlarmEvent, AlarmCommand, AlarmEvent> harness;

    @BeforeEach
    void open() throws Exception {
        harness = Harnesses.open(new AlarmLifecycle(RETENTION, Duration.ofDays(30)), AlarmEvent::deviceId,
                AlarmCommand::deviceId);
        harness.setProcessingTime(at(0));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void detectorAlarmsPassThroughAndAcknowledgeAndHandleAnswerWithOperatorAndNote() throws Exception {
        AlarmEvent raised = alarm("overspeed", AlarmState.RAISED, 0);
        alarm(raised);
        command(AlarmCommand.Type.ACKNOWLEDGE, raised.alarmId(), "李调度", "已电话联系司机", 30);
        alarm(alarm("overspeed", AlarmState.CLEARED, 40));
        command(AlarmCommand.Type.HANDLE, raised.alarmId(), "李调度", "司机已减速，记录在案", 60);

        assertThat(harness.extractOutputValues())
                .extracting(AlarmEvent::state, AlarmEvent::alarmId, AlarmEvent::operator, AlarmEvent::note,
                        a -> (a.eventTime() - at(0)) / 1000)
                .containsExactly(
                        tuple(AlarmState.RAISED, raised.alarmId(), null, null, 0L),
                        tuple(AlarmState.ACKNOWLEDGED, raised.alarmId(), "李调度", "已电话联系司机", 30L),
                        tuple(AlarmState.CLEARED, raised.alarmId(), null, null, 40L),
                        tuple(AlarmState.HANDLED, raised.alarmId(), "李调度", "司机已减速，记录在案", 60L));
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void anAcknowledgeClearedEpisodeEndsOnAcknowledgement() throws Exception {
        AlarmEvent sos = alarm("jt808:sos", AlarmState.RAISED, 0);
        alarm(sos);
        command(AlarmCommand.Type.ACKNOWLEDGE, sos.alarmId(), "李调度", "已处置", 20);

        assertThat(harness.extractOutputValues()).extracting(AlarmEvent::state, AlarmEvent::alarmId)
                .containsExactly(tuple(AlarmState.RAISED, sos.alarmId()), tuple(AlarmState.ACKNOWLEDGED, sos.alarmId()),
                        tuple(AlarmState.CLEARED, sos.alarmId()));
        assertThat(harness.numProcessingTimeTimers()).as("closed: forgotten after the retention").isEqualTo(1);
    }

    @Test
    void unknownAlarmIdsAreDeadLetteredAndRepeatedCommandsAreIdempotent() throws Exception {
        AlarmEvent raised = alarm("overspeed", AlarmState.RAISED, 0);
        alarm(raised);
        command(AlarmCommand.Type.ACKNOWLEDGE, raised.alarmId(), "李调度", "", 10);
        command(AlarmCommand.Type.ACKNOWLEDGE, raised.alarmId(), "王调度", "again", 11);
        AlarmCommand stranger = new AlarmCommand(AlarmCommand.Type.HANDLE, "A000000000000000", VT, "李调度", "", at(12), 0);
        harness.processElement2(stranger, at(12));

        assertThat(harness.extractOutputValues()).extracting(AlarmEvent::state)
                .containsExactly(AlarmState.RAISED, AlarmState.ACKNOWLEDGED);
        DeadLetter letter = deadLetters().get(0);
        assertThat(letter.reason()).isEqualTo("unknown alarm A000000000000000 of device " + VT
                + " (not open, not closed within the retention)");
        assertThat(EventJson.read(letter.raw(), AlarmCommand.class)).isEqualTo(stranger);
    }

    @Test
    void aClosedEpisodeAcceptsCommandsDuringTheRetentionThenLeavesNoState() throws Exception {
        AlarmEvent raised = alarm("overspeed", AlarmState.RAISED, 0);
        alarm(raised);
        alarm(alarm("overspeed", AlarmState.CLEARED, 10));
        harness.setProcessingTime(at(0) + RETENTION.toMillis() - 1);
        command(AlarmCommand.Type.ACKNOWLEDGE, raised.alarmId(), "李调度", "late ack", 20);
        assertThat(harness.extractOutputValues()).extracting(AlarmEvent::state).last().isEqualTo(AlarmState.ACKNOWLEDGED);

        harness.setProcessingTime(at(0) + RETENTION.toMillis());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        command(AlarmCommand.Type.HANDLE, raised.alarmId(), "李调度", "too late", 30);
        assertThat(deadLetters()).hasSize(1);
    }

    @Test
    void anOpenEpisodeUntouchedForTheOpenRetentionIsClearedVisiblyThenForgotten() throws Exception {
        AlarmEvent raised = alarm("jt808:rollover-warning", AlarmState.RAISED, 0);
        alarm(raised);
        harness.setProcessingTime(at(0) + Duration.ofDays(10).toMillis());
        command(AlarmCommand.Type.ACKNOWLEDGE, raised.alarmId(), "李调度", "", 10); // touched: 30 days from now
        harness.setProcessingTime(at(0) + Duration.ofDays(30).toMillis());
        assertThat(harness.extractOutputValues()).extracting(AlarmEvent::state)
                .containsExactly(AlarmState.RAISED, AlarmState.ACKNOWLEDGED);

        long idleAt = at(0) + Duration.ofDays(40).toMillis();
        harness.setProcessingTime(idleAt);
        assertThat(harness.extractOutputValues()).last()
                .extracting(AlarmEvent::state, AlarmEvent::alarmId, AlarmEvent::note, AlarmEvent::eventTime)
                .containsExactly(AlarmState.CLEARED, raised.alarmId(), "no change for 30 days", idleAt);
        assertThat(harness.numProcessingTimeTimers()).as("closed: only its retention timer").isEqualTo(1);

        harness.setProcessingTime(idleAt + RETENTION.toMillis());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.extractOutputValues()).hasSize(3);
    }

    /** An episode that started at T0, in {@code state} at T0 + seconds. */
    private static AlarmEvent alarm(String rule, AlarmState state, int atSeconds) {
        return Alarms.of(TestDevices.vehicleTerminal(VT), state, AlarmType.VEHICLE, rule,
                Alarms.Measure.of("km/h", 1, 110, 100), at(0), at(atSeconds), false);
    }

    private void alarm(AlarmEvent alarm) throws Exception {
        harness.processElement1(alarm, alarm.eventTime());
    }

    private void command(AlarmCommand.Type type, String alarmId, String operator, String note, int atSeconds)
            throws Exception {
        harness.processElement2(new AlarmCommand(type, alarmId, VT, operator, note, at(atSeconds), 0), at(atSeconds));
    }

    private List<DeadLetter> deadLetters() {
        return Harnesses.sideOutput(harness, AlarmLifecycle.DEAD_LETTERS);
    }
}
