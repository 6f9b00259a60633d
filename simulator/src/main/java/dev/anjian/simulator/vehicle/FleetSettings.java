package dev.anjian.simulator.vehicle;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the JT/T 808 fleet simulator, read once from {@link Config}; keys {@code fleet.*} documented in
 * {@code config/simulator.properties}.
 *
 * @param gatewayHost    gateway address ({@code fleet.gateway-host}, 127.0.0.1)
 * @param gatewayPort    gateway port ({@code fleet.gateway-port}, 7808)
 * @param registryFile   whose VEHICLE_TERMINAL devices are simulated ({@code fleet.registry-file})
 * @param reportInterval time between two 0x0200 reports of one vehicle ({@code fleet.report-interval}, 5s)
 * @param heartbeatInterval time between heartbeats ({@code fleet.heartbeat-interval}, 30s)
 * @param protocol       {@code 2013}, {@code 2019} or {@code mixed} (odd vehicles 2019) ({@code fleet.protocol})
 * @param blackoutAfter  when the first vehicle loses its link ({@code fleet.blackout-after}, 60s)
 * @param blackoutFor    how long it stays cut off, storing reports for a 0x0704 re-send ({@code fleet.blackout-for}, 30s)
 * @param localAddress   loopback source address of the terminals' connections ({@code fleet.local-address}, empty:
 *                       the OS chooses); one source address offers ~28k ports, so benchmarks use several
 */
public record FleetSettings(String gatewayHost, int gatewayPort, Path registryFile, Duration reportInterval,
        Duration heartbeatInterval, String protocol, Duration blackoutAfter, Duration blackoutFor, String localAddress) {

    public FleetSettings {
        localAddress = localAddress == null ? "" : localAddress;
        if (gatewayPort < 1 || gatewayPort > 65_535) {
            throw new ConfigException("fleet.gateway-port must be 1..65535, was " + gatewayPort);
        }
        if (!protocol.equals("2013") && !protocol.equals("2019") && !protocol.equals("mixed")) {
            throw new ConfigException("fleet.protocol must be 2013, 2019 or mixed, was " + protocol);
        }
        for (Duration d : new Duration[] {reportInterval, heartbeatInterval, blackoutAfter, blackoutFor}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new ConfigException("fleet durations must be positive: " + d);
            }
        }
    }

    public static FleetSettings from(Config config) {
        return new FleetSettings(
                config.string("fleet.gateway-host", "127.0.0.1"),
                config.integer("fleet.gateway-port", 7808),
                Path.of(config.string("fleet.registry-file", "config/registry/henan-example.yaml")),
                config.duration("fleet.report-interval", Duration.ofSeconds(5)),
                config.duration("fleet.heartbeat-interval", Duration.ofSeconds(30)),
                config.string("fleet.protocol", "mixed"),
                config.duration("fleet.blackout-after", Duration.ofSeconds(60)),
                config.duration("fleet.blackout-for", Duration.ofSeconds(30)),
                config.string("fleet.local-address", ""));
    }

    boolean version2019(int vehicleIndex) {
        return protocol.equals("2019") || (protocol.equals("mixed") && vehicleIndex % 2 == 1);
    }
}
