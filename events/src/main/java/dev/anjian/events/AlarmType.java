package dev.anjian.events;

public enum AlarmType {
    /** A metric beyond its threshold: gas concentration, dust-collector pressure or temperature. */
    THRESHOLD,
    /** The sensor itself is faulty (disconnected, over-range, negative drift, fault flag). */
    SENSOR_FAULT,
    OFFLINE,
    /** A vehicle rule: JT/T 808 alarm bit, video alarm, ADAS/DSM, overspeed, fatigue. */
    VEHICLE
}
