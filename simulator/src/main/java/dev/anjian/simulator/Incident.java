package dev.anjian.simulator;

import dev.anjian.events.Device;
import dev.anjian.events.MetricSpec;
import java.time.Duration;
import java.util.Optional;

/**
 * One injected incident at one device, on the scenario clock. Pure: the same instant gives the same
 * phase and sample, so the runner can ask at any tick and tests can ask at named instants.
 */
interface Incident {

    String name();

    Device device();

    Duration start();

    /** When the incident is over and the device is back to normal. */
    Duration end();

    /** The phase at {@code elapsed}; the runner logs each change. Before {@link #start()}: {@link Phases#PENDING}. */
    Phases.Phase phaseAt(Duration elapsed);

    /**
     * This incident's sample of {@code metric} at {@code elapsed}, or empty where it leaves the metric alone.
     * Values are noiseless; {@code normal} is the metric's normal value now, which ramps start from and return to.
     */
    Optional<Sample> sample(MetricSpec metric, Duration elapsed, double normal);

    static double seconds(Duration elapsed) {
        return elapsed.toMillis() / 1000.0;
    }
}
