package dev.anjian.jobs.influx;

import dev.anjian.events.DeviceEvent;
import dev.anjian.events.SensorReading;
import dev.anjian.events.VehicleLocation;
import dev.anjian.jobs.RegisteredEvent;

/**
 * Device events as points (DESIGN.md "Storage"), time = the device's event time in ms:
 * <pre>
 * reading,device=GAS-01,enterprise=E1,industry=COAL_MINE,kind=GAS_SENSOR,metric=CH4,region=410100 quality="NORMAL",value=0.42 1764374400000
 * vehicle,device=VT-01,enterprise=E2,region=410100 alarm_bits=0i,direction=90i,lat=34.75,lon=113.62,speed=62.5,status_bits=3i 1764374400000
 * </pre>
 * Connectivity events have no point here (device_status belongs to the offline detection).
 */
public final class EventPoints extends LineProtocolMapper<RegisteredEvent> {

    private static final long serialVersionUID = 1L;

    @Override
    protected boolean describe(RegisteredEvent registered, PointParts parts) {
        DeviceEvent event = registered.event();
        return switch (event.type()) {
            case SENSOR_READING -> reading(registered, event.reading(), parts);
            case VEHICLE_LOCATION -> vehicle(registered, event.location(), parts);
            case CONNECTIVITY -> false;
        };
    }

    private static boolean reading(RegisteredEvent registered, SensorReading reading, PointParts parts) {
        parts.measurement("reading")
                .tag("device", registered.event().deviceId())
                .tag("enterprise", registered.enterpriseId())
                .tag("industry", registered.industry().name())
                .tag("kind", registered.kind().name())
                .tag("metric", reading.metric())
                .tag("region", registered.regionCode())
                .field("quality", reading.quality().name())
                .field("value", reading.value())
                .time(registered.event().eventTime());
        return true;
    }

    private static boolean vehicle(RegisteredEvent registered, VehicleLocation location, PointParts parts) {
        parts.measurement("vehicle")
                .tag("device", registered.event().deviceId())
                .tag("enterprise", registered.enterpriseId())
                .tag("region", registered.regionCode())
                .field("alarm_bits", location.alarmBits())
                .field("direction", (long) location.directionDeg())
                .field("lat", location.latitudeDeg())
                .field("lon", location.longitudeDeg())
                .field("speed", location.speedKmh())
                .field("status_bits", location.statusBits())
                .time(registered.event().eventTime());
        return true;
    }
}
