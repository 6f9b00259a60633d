package dev.anjian.simulator;

import static dev.anjian.simulator.Profile.NORMAL;

import dev.anjian.events.Device;
import dev.anjian.events.MetricSpec;
import dev.anjian.events.Quality;
import java.time.Duration;
import java.util.Optional;

/**
 * A sensor calibration (标校): for {@link #LENGTH} the device flags every reading CALIBRATING while its
 * calibration metric sees calibration gas at the top level's concentration (50 %LEL in the example):
 * in seconds after the start, 0-5 gas rising, 5-25 held, 25-30 back to normal; then quality NORMAL again.
 * Expected: no concentration alarm (calibration suppresses it), at most a suppression or device notice.
 */
final class CalibrationRun extends TimedIncident {

    static final Duration LENGTH = Duration.ofSeconds(30);

    private final MetricSpec metric;
    private final Profile gas;
    private final Phases phases;

    CalibrationRun(Device device, MetricSpec metric, Duration start) {
        super("calibration", device, start, LENGTH);
        this.metric = metric;
        double concentration = metric.threshold(metric.levels().size());
        this.gas = Profile.of(0, NORMAL, 5, concentration, 25, concentration, 30, NORMAL);
        this.phases = new Phases()
                .then(0, "calibration begins: quality CALIBRATING, calibration gas at " + Phases.number(concentration)
                        + " " + metric.unit() + " " + metric.metric() + " (no concentration alarm expected)")
                .then(Incident.seconds(LENGTH), "calibration over: quality NORMAL");
    }

    /** Every metric of the device is flagged; only the calibration metric sees the gas. */
    @Override
    public Optional<Sample> sample(MetricSpec asked, Duration elapsed, double normal) {
        double t = secondsIn(elapsed);
        if (!gas.covers(t)) {
            return Optional.empty();
        }
        double value = asked.metric().equals(metric.metric()) ? gas.at(t, normal) : normal;
        return Optional.of(new Sample.Reading(value, Quality.CALIBRATING));
    }

    @Override
    Phases phases() {
        return phases;
    }
}
