package dev.anjian.jobs.onlinerate;

import dev.anjian.events.Device;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.Industry;
import dev.anjian.events.VehicleInfo.VehicleClass;

/**
 * What decides a registered device's scopes: owner, GB/T 2260 region, industry, kind, and for vehicle
 * terminals the vehicle class ({@code null} otherwise), e.g. {@code E-HN-FLEET-01, 410100, ROAD_TRANSPORT,
 * VEHICLE_TERMINAL, DANGEROUS_GOODS}.
 */
public record Dims(String enterpriseId, String regionCode, Industry industry, DeviceKind kind,
        VehicleClass vehicleClass) {

    public static Dims of(Device device) {
        return new Dims(device.enterpriseId(), device.regionCode(), device.industry(), device.kind(),
                device.vehicle() == null ? null : device.vehicle().vehicleClass());
    }
}
