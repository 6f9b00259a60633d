package dev.anjian.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;

/**
 * A vehicle position report (JT/T 808 0x0200), WGS-84, hemisphere already applied to the sign.
 * Alarm and status bits are kept as on the wire (JT/T 808 tables 24 and 25). Video alarms come from
 * JT/T 1078 items 0x14 (video alarm bits), 0x15 (signal loss, bit n = channel n+1) and 0x16 (occlusion);
 * active-safety events from Su-biao items 0x64/0x65. Absent items are 0 / empty.
 */
public record VehicleLocation(
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) double latitudeDeg,
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) double longitudeDeg,
        int altitudeM,
        double speedKmh,
        int directionDeg,
        long alarmBits,
        long statusBits,
        long videoAlarmBits,
        long videoLossChannels,
        long videoOcclusionChannels,
        List<ActiveSafetyEvent> activeSafety) {

    /** A plain position report without video or active-safety items. */
    public VehicleLocation(double latitudeDeg, double longitudeDeg, int altitudeM, double speedKmh, int directionDeg,
            long alarmBits, long statusBits) {
        this(latitudeDeg, longitudeDeg, altitudeM, speedKmh, directionDeg, alarmBits, statusBits, 0, 0, 0, List.of());
    }

    public VehicleLocation {
        if (latitudeDeg < -90 || latitudeDeg > 90) {
            throw new IllegalArgumentException("field 'latitudeDeg' out of range: " + latitudeDeg);
        }
        if (longitudeDeg < -180 || longitudeDeg > 180) {
            throw new IllegalArgumentException("field 'longitudeDeg' out of range: " + longitudeDeg);
        }
        activeSafety = activeSafety == null ? List.of() : List.copyOf(activeSafety);
    }
}
