package dev.anjian.events;

/**
 * What the device says about a reading. Only {@link #NORMAL} values may raise concentration alarms:
 * calibration and maintenance suppress them, the others mean the sensor itself is faulty
 * (coal-mine sensor states 标校, 断线, 溢出, 负漂; HJ 212 data flags C, M, D, T).
 */
public enum Quality {
    NORMAL,
    CALIBRATING,
    MAINTENANCE,
    FAULT,
    DISCONNECTED,
    OVER_RANGE,
    NEGATIVE_DRIFT;

    public boolean trustworthy() {
        return this == NORMAL;
    }

    public boolean suppressesAlarms() {
        return this == CALIBRATING || this == MAINTENANCE;
    }

    public boolean isFault() {
        return !trustworthy() && !suppressesAlarms();
    }
}
