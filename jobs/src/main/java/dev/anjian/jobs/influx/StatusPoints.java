package dev.anjian.jobs.influx;

import dev.anjian.events.DeviceStatus;

/**
 * Device status transitions as points (DESIGN.md "Storage"), time = {@code since}; {@code online} is 1 or
 * 0 so that a mean over time is the online fraction:
 * <pre>
 * device_status,device=GAS-01,enterprise=E1,industry=COAL_MINE,kind=GAS_SENSOR,region=410100 online=0i,reason="no message for 60 s" 1764374460000
 * </pre>
 */
public final class StatusPoints extends LineProtocolMapper<DeviceStatus> {

    private static final long serialVersionUID = 1L;

    @Override
    protected boolean describe(DeviceStatus status, PointParts parts) {
        parts.measurement("device_status")
                .tag("device", status.deviceId())
                .tag("enterprise", status.enterpriseId())
                .tag("industry", status.industry().name())
                .tag("kind", status.kind().name())
                .tag("region", status.regionCode())
                .field("online", status.status() == DeviceStatus.Status.ONLINE ? 1L : 0L)
                .field("reason", status.reason())
                .time(status.since());
        return true;
    }
}
