package dev.anjian.jobs.onlinerate;

import dev.anjian.events.DeviceKind;
import dev.anjian.events.Industry;
import dev.anjian.events.VehicleInfo.VehicleClass;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Named times and devices of the online-rate scenarios. Day 0 is {@link #DAY} (2026-11-29, local time,
 * GMT+8); {@code at(-1, "20:00")} is 20:00 the evening before.
 */
final class Scenario {

    static final LocalDays DAYS = LocalDays.china();
    static final LocalDate DAY = LocalDate.of(2026, 11, 29);
    static final long D = DAY.toEpochDay();
    static final Dims FLEET = new Dims("E-ZZ-DG", "410100", Industry.ROAD_TRANSPORT, DeviceKind.VEHICLE_TERMINAL,
            VehicleClass.DANGEROUS_GOODS);
    static final Dims MINE = new Dims("E-PDS-01", "410400", Industry.COAL_MINE, DeviceKind.GAS_SENSOR, null);

    private Scenario() {
    }

    /** Epoch second of a local time on day {@code DAY + dayOffset}, e.g. {@code at(0, "09:00:30")}. */
    static long at(int dayOffset, String localTime) {
        return DAY.plusDays(dayOffset).atTime(LocalTime.parse(localTime)).atZone(ZoneId.of("Asia/Shanghai"))
                .toEpochSecond();
    }
}
