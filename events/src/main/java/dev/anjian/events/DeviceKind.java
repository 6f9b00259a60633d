package dev.anjian.events;

/** What a registered device is; decides its default offline timeout and which rules apply. */
public enum DeviceKind {
    /** Methane (coal mine) or combustible gas in %LEL (hazardous chemicals). */
    GAS_SENSOR,
    CO_SENSOR,
    /** Toxic gas other than CO and NH3, in %OEL or ppm. */
    TOXIC_GAS_SENSOR,
    AMMONIA_SENSOR,
    /** Dust-collector monitor: differential pressure, inlet temperature. */
    DUST_MONITOR,
    /** JT/T 808 terminal on a coach or dangerous-goods truck. */
    VEHICLE_TERMINAL
}
