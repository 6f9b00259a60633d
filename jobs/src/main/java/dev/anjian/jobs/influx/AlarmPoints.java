package dev.anjian.jobs.influx;

import dev.anjian.events.AlarmEvent;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * Alarm state changes as points (DESIGN.md "Storage"), time = event time of the reading that changed it:
 * <pre>
 * alarm,device=GAS-01,enterprise=E1,region=410100,type=THRESHOLD,level=2,state=ESCALATED value=1.6,threshold=1.5,alarm_id="A3f...",rule="threshold:CH4",metric="CH4"
 * </pre>
 */
public final class AlarmPoints implements PointMapper<AlarmEvent> {

    private static final long serialVersionUID = 1L;

    @Override
    public Point toPoint(AlarmEvent alarm) {
        Point.Builder point = Point.measurement("alarm")
                .time(alarm.eventTime(), TimeUnit.MILLISECONDS)
                .tag("device", alarm.deviceId())
                .tag("enterprise", alarm.enterpriseId())
                .tag("region", alarm.regionCode())
                .tag("type", alarm.type().name())
                .tag("level", Integer.toString(alarm.level()))
                .tag("state", alarm.state().name())
                .addField("value", alarm.value())
                .addField("threshold", alarm.threshold())
                .addField("alarm_id", alarm.alarmId())
                .addField("rule", alarm.rule());
        if (alarm.metric() != null) {
            point.addField("metric", alarm.metric());
        }
        if (alarm.operator() != null) { // ACKNOWLEDGED, HANDLED: who did it, for the audit
            point.addField("operator", alarm.operator());
            point.addField("note", alarm.note() == null ? "" : alarm.note());
        }
        return point.build();
    }
}
