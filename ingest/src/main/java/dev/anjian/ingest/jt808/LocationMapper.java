package dev.anjian.ingest.jt808;

import dev.anjian.events.ActiveSafetyEvent;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.VehicleLocation;
import dev.anjian.ingest.jt808.codec.Jt808Time;
import dev.anjian.ingest.jt808.message.ActiveSafetyAlarm;
import dev.anjian.ingest.jt808.message.AdditionalItems;
import dev.anjian.ingest.jt808.message.LocationReport;
import java.util.List;

/**
 * A decoded 0x0200 report as the canonical vehicle event: signed degrees (hemisphere from the status
 * bits), km/h, device time converted from GMT+8 to UTC epoch millis, alarm and status bits as on the wire,
 * JT/T 1078 video items and Su-biao ADAS/DSM alarms. Throws IllegalArgumentException for impossible values
 * (latitude beyond 90 degrees), which the gateway rejects as a malformed body.
 */
final class LocationMapper {

    private LocationMapper() {
    }

    static DeviceEvent toEvent(String deviceId, LocationReport r, long receivedAt, boolean backfilled) {
        AdditionalItems items = r.items();
        VehicleLocation location = new VehicleLocation(r.latitudeDeg(), r.longitudeDeg(), r.altitudeM(), r.speedKmh(),
                r.directionDeg(), r.alarmBits(), r.statusBits(),
                orZero(items.videoAlarmBits()), orZero(items.videoLossChannels()), orZero(items.videoOcclusionChannels()),
                activeSafety(items.activeSafety()));
        return DeviceEvent.location(deviceId, Jt808Time.toEpochMillis(r.timeGmt8()), receivedAt, backfilled, location);
    }

    private static List<ActiveSafetyEvent> activeSafety(List<ActiveSafetyAlarm> alarms) {
        return alarms.stream().map(a -> new ActiveSafetyEvent(
                a.itemId() == ActiveSafetyAlarm.ADAS ? ActiveSafetyEvent.System.ADAS : ActiveSafetyEvent.System.DSM,
                a.alarmId(), flag(a.flag()), a.type(), a.level(), a.alarmIdentifierHex())).toList();
    }

    private static ActiveSafetyEvent.Flag flag(int wire) {
        return switch (wire) {
            case 1 -> ActiveSafetyEvent.Flag.START;
            case 2 -> ActiveSafetyEvent.Flag.END;
            default -> ActiveSafetyEvent.Flag.NONE;
        };
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
