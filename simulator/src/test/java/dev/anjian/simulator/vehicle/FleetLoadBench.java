package dev.anjian.simulator.vehicle;

import dev.anjian.common.Config;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.Industry;
import dev.anjian.events.VehicleInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Load generator (not a test): {@code n} simulated terminals (the same generated fleet as ingest's
 * GatewayBenchServer) against a gateway on loopback, spread over source addresses 127.0.0.2.. (one
 * address per 25,000 terminals), each reporting every {@code intervalMs}.
 * {@code java ... FleetLoadBench <port> <n> <intervalMs> <seconds>}.
 */
public final class FleetLoadBench {

    private static final Logger LOG = LoggerFactory.getLogger(FleetLoadBench.class);
    private static final int PER_ADDRESS = 25_000;

    private FleetLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        String intervalMs = args[2];
        long seconds = Long.parseLong(args[3]);
        List<FleetSimulator> fleets = new ArrayList<>();
        List<Device> all = fleet(n);
        for (int from = 0, a = 2; from < n; from += PER_ADDRESS, a++) {
            FleetSettings settings = FleetSettings.from(Config.of(Map.of("fleet.gateway-port", String.valueOf(port),
                    "fleet.report-interval", intervalMs + "ms", "fleet.heartbeat-interval", "60s",
                    "fleet.blackout-after", "1d", "fleet.local-address", "127.0.0." + a), Map.of()));
            fleets.add(new FleetSimulator(settings, all.subList(from, Math.min(n, from + PER_ADDRESS)), Clock.systemUTC()).start());
        }
        for (long t = 0; t < seconds; t += 10) {
            Thread.sleep(10_000); // a sampling period of the benchmark, not test synchronisation
            LOG.info("t={}s authenticated={} sent={} acked={}", t + 10,
                    fleets.stream().mapToLong(f -> f.stats().authenticated()).sum(),
                    fleets.stream().mapToLong(f -> f.stats().reportsSent()).sum(),
                    fleets.stream().mapToLong(f -> f.stats().reportsAcked()).sum());
        }
        fleets.forEach(FleetSimulator::close);
    }

    /** Must match dev.anjian.ingest.jt808.bench.GatewayBenchServer#fleet. */
    static List<Device> fleet(int n) {
        List<Device> devices = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            devices.add(new Device("BENCH-" + i, DeviceKind.VEHICLE_TERMINAL, "E-BENCH", "bench", "410100",
                    Industry.ROAD_TRANSPORT, "", 300, List.of(),
                    new VehicleInfo("豫B" + String.format("%05d", i % 100_000), 2, VehicleInfo.VehicleClass.COACH,
                            String.format("0139%08d", i), 100)));
        }
        return devices;
    }
}
