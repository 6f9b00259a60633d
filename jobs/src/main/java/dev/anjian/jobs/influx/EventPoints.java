package dev.anjian.jobs.influx;

import dev.anjian.events.DeviceEvent;
import dev.anjian.events.SensorReading;
import dev.anjian.events.VehicleLocation;
import dev.anjian.jobs.RegisteredEvent;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * Device events as points (DESIGN.md "Storage"), time = the device's event time in ms:
 * <pre>
 * reading,device=GAS-01,metric=CH4,enterprise=E1,region=410100,industry=COAL_MINE,kind=GAS_SENSOR value=0.42,quality="NORMAL"
 * vehicle,device=VT-01,enterprise=E2,region=410100 lat=34.75,lon=113.62,speed=62.5,direction=90i,alarm_bits=0i,status_bits=3i
 * </pre>
 * Connectivity events have no point here (device_status belongs to the offline detection).
 */
public final class EventPoints implements PointMapper<RegisteredEvent> {

    private static final long serialVersionUID = 1L;

    @Override
    public Point toPoint(RegisteredEvent registered) {
        DeviceEvent event = registered.event();
        return switch (event.type()) {
            case SENSOR_READING -> reading(registered, event.reading());
            case VEHICLE_LOCATION -> vehicle(registered, event.location());
            case CONNECTIVITY -> null;
        };
    }

    private static Point reading(RegisteredEvent registered, SensorReading reading) {
        return Point.measurement("reading")
                .time(registered.event().eventTime(), TimeUnit.MILLISECONDS)
                .tag("device", registered.event().deviceId())
                .tag("metric", reading.metric())
                .tag("enterprise", registered.enterpriseId())
                .tag("region", registered.regionCode())
                .tag("industry", registered.industry().name())
                .tag("kind", registered.kind().name())
                .addField("value", reading.value())
                .addField("quality", reading.quality().name())
                .build();
    }

    private static Point vehicle(RegisteredEvent registered, VehicleLocation location) {
        return Point.measurement("vehicle")
                .time(registered.event().eventTime(), TimeUnit.MILLISECONDS)
                .tag("device", registered.event().deviceId())
                .tag("enterprise", registered.enterpriseId())
                .tag("region", registered.regionCode())
                .addField("lat", location.latitudeDeg())
                .addField("lon", location.longitudeDeg())
                .addField("speed", location.speedKmh())
                .addField("direction", (long) location.directionDeg())
                .addField("alarm_bits", location.alarmBits())
                .addField("status_bits", location.statusBits())
                .build();
    }
}
