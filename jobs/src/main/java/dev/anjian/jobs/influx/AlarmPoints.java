package dev.anjian.jobs.influx;

import dev.anjian.events.AlarmEvent;

/**
 * Alarm state changes as points (DESIGN.md "Storage"), time = event time of the reading that changed it:
 * <pre>
 * alarm,device=GAS-01,enterprise=E1,level=2,region=410100,state=ESCALATED,type=THRESHOLD alarm_id="A3f...",metric="CH4",rule="threshold:CH4",threshold=1.5,value=1.6 1764374430000
 * </pre>
 */
public final class AlarmPoints extends LineProtocolMapper<AlarmEvent> {

    private static final long serialVersionUID = 1L;

    @Override
    protected boolean describe(AlarmEvent alarm, PointParts parts) {
        parts.measurement("alarm")
                .tag("device", alarm.deviceId())
                .tag("enterprise", alarm.enterpriseId())
                .tag("level", Integer.toString(alarm.level()))
                .tag("region", alarm.regionCode())
                .tag("state", alarm.state().name())
                .tag("type", alarm.type().name())
                .field("alarm_id", alarm.alarmId());
        if (alarm.metric() != null) {
            parts.field("metric", alarm.metric());
        }
        if (alarm.operator() != null) { // ACKNOWLEDGED, HANDLED: who did it, for the audit
            parts.field("note", alarm.note() == null ? "" : alarm.note());
            parts.field("operator", alarm.operator());
        }
        parts.field("rule", alarm.rule())
                .field("threshold", alarm.threshold())
                .field("value", alarm.value())
                .time(alarm.eventTime());
        return true;
    }
}
