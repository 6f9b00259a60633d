package dev.anjian.alerting.pipeline;

import dev.anjian.events.AlarmEvent;

/**
 * Which alarm state changes reach a phone. RAISED, ESCALATED and CLEARED are sent; ACKNOWLEDGED and
 * HANDLED are operator actions the officer already knows about (nothing for now); a back-filled alarm
 * (data the device sent late) is recorded as SKIPPED in the ledger but never sent as a live SMS.
 */
public final class StatePolicy {

    public enum Action {
        SEND,
        /** Recorded in the ledger as SKIPPED, no SMS. */
        RECORD_SKIPPED,
        /** Not a notification at all: nothing sent, nothing recorded. */
        NONE
    }

    public record Decision(Action action, String reason) {
    }

    public Decision decide(AlarmEvent alarm) {
        return switch (alarm.state()) {
            case RAISED, ESCALATED, CLEARED -> alarm.backfilled()
                    ? new Decision(Action.RECORD_SKIPPED, "back-filled alarm: recorded, no live SMS")
                    : new Decision(Action.SEND, alarm.state() + " is sent by SMS");
            case ACKNOWLEDGED, HANDLED -> new Decision(Action.NONE, alarm.state() + " is not notified");
        };
    }
}
