package dev.anjian.alerting.book;

import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmState;
import java.util.List;

/**
 * What alerting knows about one alarm: its latest event (from the alarms topic), where that came from
 * (partition, offset: the partition decides which alerting instance escalates it), every state change
 * and operator command, and whether it is acknowledged or handled (by event or by command).
 */
public record AlarmEntry(AlarmEvent alarm, int partition, long offset, List<Change> changes, String acknowledgedBy,
        Long acknowledgedAt, String handledBy, Long handledAt) {

    /** One line of an alarm's history: a state change from the job, or a command from the API. */
    public record Change(String what, long at, int level, double value, String operator, String note) {
    }

    public AlarmEntry {
        changes = List.copyOf(changes);
    }

    public boolean acknowledged() {
        return acknowledgedBy != null || alarm.state() == AlarmState.ACKNOWLEDGED;
    }

    public boolean handled() {
        return handledBy != null || alarm.state() == AlarmState.HANDLED;
    }

    /** Open: raised or escalated (acknowledged or not), not cleared, not handled. */
    public boolean open() {
        return !handled() && alarm.state() != AlarmState.CLEARED;
    }

    /** Whether escalation and reminders still apply. */
    public boolean awaitingAcknowledgement() {
        return open() && !acknowledged() && !alarm.backfilled();
    }
}
