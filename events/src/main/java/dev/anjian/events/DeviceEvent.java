package dev.anjian.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * Everything a gateway learned from a device, on topic device-events keyed by {@link #deviceId()}.
 * One envelope with exactly one payload matching {@link #type()}, so that Flink sees one plain record
 * type. {@code eventTime} is the device's clock (converted from GMT+8 at the gateway), {@code receivedAt}
 * the gateway's; both UTC epoch milliseconds. {@code backfilled} marks data the device stored while it
 * was cut off and sent late (JT/T 808 0x0704 type 1): stored and evaluated, never a live SMS.
 * {@code enterpriseId}, when present, is the enterprise the device reported under (the MQTT topic); the job
 * rejects events whose enterprise is not the registry's, so one enterprise cannot feed another's alarms.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceEvent(
        Type type,
        String deviceId,
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) long eventTime,
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) long receivedAt,
        boolean backfilled,
        SensorReading reading,
        VehicleLocation location,
        Connectivity connectivity,
        String enterpriseId) {

    public enum Type { SENSOR_READING, VEHICLE_LOCATION, CONNECTIVITY }

    public DeviceEvent {
        Require.present(type, "type");
        Require.text(deviceId, "deviceId");
        Require.epochMillis(eventTime, "eventTime");
        Require.epochMillis(receivedAt, "receivedAt");
        switch (type) {
            case SENSOR_READING -> onlyPayload(type, "reading", reading, location, connectivity);
            case VEHICLE_LOCATION -> onlyPayload(type, "location", location, reading, connectivity);
            case CONNECTIVITY -> onlyPayload(type, "connectivity", connectivity, reading, location);
        }
    }

    /** An event without a claimed enterprise (the registry alone says whose device it is). */
    public DeviceEvent(Type type, String deviceId, long eventTime, long receivedAt, boolean backfilled,
            SensorReading reading, VehicleLocation location, Connectivity connectivity) {
        this(type, deviceId, eventTime, receivedAt, backfilled, reading, location, connectivity, null);
    }

    private static void onlyPayload(Type type, String field, Object payload, Object other1, Object other2) {
        Require.present(payload, field);
        if (other1 != null || other2 != null) {
            throw new IllegalArgumentException("a " + type + " event carries only the field '" + field + "'");
        }
    }

    public static DeviceEvent reading(String deviceId, long eventTime, long receivedAt, SensorReading reading) {
        return new DeviceEvent(Type.SENSOR_READING, deviceId, eventTime, receivedAt, false, reading, null, null);
    }

    public static DeviceEvent location(
            String deviceId, long eventTime, long receivedAt, boolean backfilled, VehicleLocation location) {
        return new DeviceEvent(Type.VEHICLE_LOCATION, deviceId, eventTime, receivedAt, backfilled, null, location, null);
    }

    public static DeviceEvent connectivity(String deviceId, long eventTime, Connectivity connectivity) {
        return new DeviceEvent(Type.CONNECTIVITY, deviceId, eventTime, eventTime, false, null, null, connectivity);
    }

    public DeviceEvent asBackfilled() {
        return new DeviceEvent(type, deviceId, eventTime, receivedAt, true, reading, location, connectivity, enterpriseId);
    }

    /** The same event, claimed by {@code enterprise} (the MQTT topic it arrived on). */
    public DeviceEvent withEnterprise(String enterprise) {
        return new DeviceEvent(type, deviceId, eventTime, receivedAt, backfilled, reading, location, connectivity,
                enterprise);
    }
}
