package dev.anjian.jobs.influx;

import dev.anjian.events.DeviceStatus;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * Device status transitions as points (DESIGN.md "Storage"), time = {@code since}; {@code online} is 1 or
 * 0 so that a mean over time is the online fraction:
 * <pre>
 * device_status,device=GAS-01,enterprise=E1,region=410100,industry=COAL_MINE,kind=GAS_SENSOR online=0i,reason="no message for 60 s"
 * </pre>
 */
public final class StatusPoints implements PointMapper<DeviceStatus> {

    private static final long serialVersionUID = 1L;

    @Override
    public Point toPoint(DeviceStatus status) {
        return Point.measurement("device_status")
                .time(status.since(), TimeUnit.MILLISECONDS)
                .tag("device", status.deviceId())
                .tag("enterprise", status.enterpriseId())
                .tag("region", status.regionCode())
                .tag("industry", status.industry().name())
                .tag("kind", status.kind().name())
                .addField("online", status.status() == DeviceStatus.Status.ONLINE ? 1L : 0L)
                .addField("reason", status.reason())
                .build();
    }
}
