package dev.anjian.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * A vehicle position report (JT/T 808 0x0200), WGS-84, hemisphere already applied to the sign.
 * Alarm and status bits are kept as on the wire (JT/T 808 tables 24 and 25).
 */
public record VehicleLocation(
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) double latitudeDeg,
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) double longitudeDeg,
        int altitudeM,
        double speedKmh,
        int directionDeg,
        long alarmBits,
        long statusBits) {

    public VehicleLocation {
        if (latitudeDeg < -90 || latitudeDeg > 90) {
            throw new IllegalArgumentException("field 'latitudeDeg' out of range: " + latitudeDeg);
        }
        if (longitudeDeg < -180 || longitudeDeg > 180) {
            throw new IllegalArgumentException("field 'longitudeDeg' out of range: " + longitudeDeg);
        }
    }
}
