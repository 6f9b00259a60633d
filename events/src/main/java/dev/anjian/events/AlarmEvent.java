package dev.anjian.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One state change of one alarm episode, on topic alarms keyed by {@link #alarmId()}. The device's
 * owner, place and industry travel with the alarm so that alerting and storage need no lookup.
 * {@code threshold} is the level's threshold that the {@code value} crossed (or the clear value for
 * CLEARED); {@code episodeStart} is the event time of the first breaching reading and, with device and
 * rule, determines the id. {@code operator} and {@code note} are set for ACKNOWLEDGED and HANDLED.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlarmEvent(
        String alarmId,
        AlarmState state,
        AlarmType type,
        String rule,
        String deviceId,
        String enterpriseId,
        String enterpriseName,
        String regionCode,
        Industry industry,
        String location,
        String metric,
        String unit,
        int level,
        double value,
        double threshold,
        long episodeStart,
        long eventTime,
        boolean backfilled,
        String operator,
        String note) {

    public AlarmEvent {
        Require.text(alarmId, "alarmId");
        Require.present(state, "state");
        Require.present(type, "type");
        Require.text(rule, "rule");
        Require.text(deviceId, "deviceId");
        Require.text(enterpriseId, "enterpriseId");
        enterpriseName = enterpriseName == null ? "" : enterpriseName;
        Require.text(regionCode, "regionCode");
        Require.present(industry, "industry");
        location = location == null ? "" : location;
        unit = unit == null ? "" : unit;
        Require.epochMillis(episodeStart, "episodeStart");
        Require.epochMillis(eventTime, "eventTime");
    }
}
