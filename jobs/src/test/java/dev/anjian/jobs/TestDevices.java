package dev.anjian.jobs;

import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.Direction;
import dev.anjian.events.Industry;
import dev.anjian.events.MetricSpec;
import dev.anjian.events.Quality;
import dev.anjian.events.SensorReading;
import dev.anjian.events.VehicleInfo;
import dev.anjian.events.VehicleLocation;
import java.time.Instant;
import java.util.List;

/** Devices, metric specs and events for tests; times are named instants from {@link #T0}. */
public final class TestDevices {

    /** 2026-11-29 08:00 UTC, 16:00 in Zhengzhou. */
    public static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    /** Coal working face methane: alarm at 1.0 %, power-off at 1.5 %, restore below 0.8 %. */
    public static MetricSpec methane(int debounceSeconds, int debounceSamples) {
        return new MetricSpec("CH4", "%", Direction.HIGH, List.of(1.0, 1.5), 0.8, debounceSeconds, debounceSamples);
    }

    /** Oxygen deficiency: alarm at or below 19.5 %, level 2 at 18 %, clear above 20 %. */
    public static MetricSpec oxygen() {
        return new MetricSpec("O2", "%VOL", Direction.LOW, List.of(19.5, 18.0), 20.0, 0, 0);
    }

    public static Device gasSensor(String deviceId, MetricSpec... metrics) {
        return new Device(deviceId, DeviceKind.GAS_SENSOR, "E-PDS-01", "平顶山一矿", "410400", Industry.COAL_MINE,
                "working face 21130 T1", 300, List.of(metrics), null);
    }

    public static Device vehicleTerminal(String deviceId) {
        return new Device(deviceId, DeviceKind.VEHICLE_TERMINAL, "E-ZZ-BUS", "郑州客运", "410100",
                Industry.ROAD_TRANSPORT, "", 180, List.of(),
                new VehicleInfo("豫A12345", 2, VehicleInfo.VehicleClass.COACH, "013800138000", 100));
    }

    public static long at(int seconds) {
        return T0.plusSeconds(seconds).toEpochMilli();
    }

    public static DeviceEvent reading(String deviceId, String metric, double value, int atSeconds) {
        return reading(deviceId, metric, value, atSeconds, Quality.NORMAL);
    }

    public static DeviceEvent reading(String deviceId, String metric, double value, int atSeconds, Quality quality) {
        return DeviceEvent.reading(deviceId, at(atSeconds), at(atSeconds) + 150,
                new SensorReading(metric, value, "%", quality));
    }

    public static DeviceEvent location(String deviceId, int atSeconds) {
        return DeviceEvent.location(deviceId, at(atSeconds), at(atSeconds) + 300, false,
                new VehicleLocation(34.7466, 113.6253, 110, 62.5, 90, 0L, 3L));
    }

    private TestDevices() {
    }
}
