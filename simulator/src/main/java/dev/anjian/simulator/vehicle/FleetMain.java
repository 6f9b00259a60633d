package dev.anjian.simulator.vehicle;

import dev.anjian.common.Config;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the JT/T 808 fleet simulator until the process is stopped:
 * {@code java dev.anjian.simulator.vehicle.FleetMain [config/simulator.properties]}.
 */
public final class FleetMain {

    private FleetMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Config config = args.length > 0 ? Config.load(Path.of(args[0])) : Config.of(Map.of(), System.getenv());
        FleetSimulator fleet = new FleetSimulator(FleetSettings.from(config));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fleet.close();
            stopped.countDown();
        }, "fleet-shutdown"));
        fleet.start();
        stopped.await();
    }
}
