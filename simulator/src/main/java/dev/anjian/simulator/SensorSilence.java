package dev.anjian.simulator;

import dev.anjian.events.Device;
import dev.anjian.events.MetricSpec;
import java.time.Duration;
import java.util.Optional;

/**
 * A sensor that stops publishing for {@link #LENGTH} and then comes back: OFFLINE is expected once its
 * offline timeout (real time, 60 s for sensors) has passed without a message, ONLINE again on its return.
 * At time scales above ~1.5 the silence is shorter in real time than the timeout and no OFFLINE follows.
 */
final class SensorSilence extends TimedIncident {

    static final Duration LENGTH = Duration.ofSeconds(90);

    private final Phases phases;

    SensorSilence(Device device, Duration start) {
        super("sensor silence", device, start, LENGTH);
        this.phases = new Phases()
                .then(0, "goes silent: no telemetry (OFFLINE expected after its " + device.offlineTimeoutSeconds()
                        + " s offline timeout, in real time)")
                .then(Incident.seconds(LENGTH), "publishes again (ONLINE expected)");
    }

    @Override
    public Optional<Sample> sample(MetricSpec metric, Duration elapsed, double normal) {
        boolean silent = elapsed.compareTo(start()) >= 0 && elapsed.compareTo(end()) < 0;
        return silent ? Optional.of(new Sample.Silent()) : Optional.empty();
    }

    @Override
    Phases phases() {
        return phases;
    }
}
