package dev.anjian.bench.load;

import dev.anjian.simulator.vehicle.FleetSettings;
import dev.anjian.simulator.vehicle.FleetSimulator;
import dev.anjian.simulator.vehicle.FleetStats;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * M JT/T 808 terminals from the simulator's fleet code (register, authenticate, a 0x0200 every
 * {@code interval}, heartbeats) against the ingest gateway. The simulator scripts vehicle 1 to overspeed
 * from 20 s to 50 s (VEHICLE alarms, reported apart from the sensors' ground truth); its blackout of
 * vehicle 0 is pushed past the end of any run.
 */
public final class VehicleLoad implements AutoCloseable {

    private final FleetSimulator simulator;

    public VehicleLoad(Fleet fleet, String gatewayHost, int gatewayPort, Duration interval) {
        FleetSettings settings = new FleetSettings(gatewayHost, gatewayPort, Path.of("generated"), interval,
                Duration.ofSeconds(30), "mixed", Duration.ofDays(1), Duration.ofSeconds(30), "");
        this.simulator = new FleetSimulator(settings, fleet.vehicleDevices(), Clock.systemUTC());
    }

    public void start() {
        simulator.start();
    }

    public FleetStats stats() {
        return simulator.stats();
    }

    /** Disconnects every terminal; idempotent. */
    public void stop() {
        simulator.close();
    }

    @Override
    public void close() {
        stop();
    }
}
