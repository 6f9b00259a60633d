package dev.anjian.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An operator's command on topic alarm-commands keyed by alarm id (or device id for SUPPRESS):
 * acknowledge or handle an alarm, or suppress a device's concentration alarms until {@code until}
 * (a calibration or maintenance window).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlarmCommand(
        Type type,
        String alarmId,
        String deviceId,
        String operator,
        String note,
        long issuedAt,
        long until) {

    public enum Type { ACKNOWLEDGE, HANDLE, SUPPRESS }

    public AlarmCommand {
        Require.present(type, "type");
        Require.text(deviceId, "deviceId");
        Require.text(operator, "operator");
        Require.epochMillis(issuedAt, "issuedAt");
        if (type == Type.SUPPRESS) {
            Require.epochMillis(until, "until");
        } else {
            Require.text(alarmId, "alarmId");
        }
        note = note == null ? "" : note;
    }
}
