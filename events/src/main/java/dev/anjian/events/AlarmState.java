package dev.anjian.events;

/** The lifecycle of one alarm episode; every change is one {@link AlarmEvent} with the same alarm id. */
public enum AlarmState {
    RAISED,
    ESCALATED,
    CLEARED,
    ACKNOWLEDGED,
    HANDLED
}
