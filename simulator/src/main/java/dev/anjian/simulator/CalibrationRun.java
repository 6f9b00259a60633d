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
final class CalibrationRun implements Incident {

    static final Duration LENGTH = Duration.ofSeconds(30);

    private final Device device;
    private final MetricSpec metric;
    private final Duration start;
    private final Profile gas;
    private final Phases phases;

    CalibrationRun(Device device, MetricSpec metric, Duration start) {
        this.device = device;
        this.metric = metric;
        this.start = start;
        double concentration = metric.threshold(metric.levels().size());
        this.gas = Profile.of(0, NORMAL, 5, concentration, 25, concentration, 30, NORMAL);
        this.phases = new Phases()
                .then(0, "calibration begins: quality CALIBRATING, calibration gas at " + Phases.number(concentration)
                        + " " + metric.unit() + " " + metric.metric() + " (no concentration alarm expected)")
                .then(Incident.seconds(LENGTH), "calibration over: quality NORMAL");
    }

    @Override
    public String name() {
        return "calibration";
    }

    @Override
    public Device device() {
        return device;
    }

    @Override
    public Duration start() {
        return start;
    }

    @Override
    public Duration end() {
        return start.plus(LENGTH);
    }

    @Override
    public Phases.Phase phaseAt(Duration elapsed) {
        return phases.at(Incident.seconds(elapsed.minus(start)));
    }

    /** Every metric of the device is flagged; only the calibration metric sees the gas. */
    @Override
    public Optional<Sample> sample(MetricSpec asked, Duration elapsed, double normal) {
        double t = Incident.seconds(elapsed.minus(start));
        if (!gas.covers(t)) {
            return Optional.empty();
        }
        double value = asked.metric().equals(metric.metric()) ? gas.at(t, normal) : normal;
        return Optional.of(new Sample.Reading(value, Quality.CALIBRATING));
    }
}
