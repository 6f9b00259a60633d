package dev.anjian.simulator;

import static dev.anjian.simulator.Profile.NORMAL;

import dev.anjian.events.Device;
import dev.anjian.events.MetricSpec;
import dev.anjian.events.Quality;
import java.time.Duration;
import java.util.Optional;

/**
 * A methane spike at a coal working face that flaps around level 1, in seconds after its start:
 * <pre>
 *  0-10  rising from normal to 0.96 x level 1 (0.96 %)
 * 10-22  blips: 2 s at 1.04 x level 1, 4 s at 0.96 x (single samples above: debounce keeps them quiet)
 * 22-40  hovering: 4 s at 1.04 x level 1, 2 s at 0.96 x (one episode; single dips do not clear it)
 * 40-55  subsiding back to normal (the episode clears)
 * </pre>
 * Every crossing of level 1 is a chance for a naive detector to send an SMS; with the registry's
 * debounce of 2 samples at the 2 s interval the detector must make exactly one alarm episode of it.
 */
final class MethaneFlapping extends TimedIncident {

    static final Duration LENGTH = Duration.ofSeconds(55);
    static final double FLAP_FROM = 10;
    static final double HOVER_FROM = 22;
    static final double FLAP_UNTIL = 40;
    static final double AMPLITUDE = 0.04;

    private final MetricSpec metric;
    private final double level1;
    private final Profile rising;
    private final Profile subsiding;
    private final Phases phases;

    MethaneFlapping(Device device, MetricSpec metric, Duration start) {
        super("methane spike", device, start, LENGTH);
        this.metric = metric;
        this.level1 = metric.threshold(1);
        double below = level1 * (1 - AMPLITUDE);
        this.rising = Profile.of(0, NORMAL, FLAP_FROM, below);
        this.subsiding = Profile.of(FLAP_UNTIL, below, 55, NORMAL);
        String level = "level 1 (" + Phases.number(level1) + " " + metric.unit() + ")";
        this.phases = new Phases()
                .then(0, metric.metric() + " spike: rising towards " + level)
                .then(FLAP_FROM, metric.metric() + " flapping around " + level + ": " + Phases.number(level1 * (1 + AMPLITUDE))
                        + " / " + Phases.number(below) + ", short blips then hovering, 12 crossings "
                        + "(expect one alarm episode, not a storm)")
                .then(FLAP_UNTIL, metric.metric() + " subsiding")
                .then(55, metric.metric() + " spike over, back to normal");
    }

    @Override
    public Optional<Sample> sample(MetricSpec asked, Duration elapsed, double normal) {
        double t = secondsIn(elapsed);
        if (!asked.metric().equals(metric.metric()) || t < 0 || t >= subsiding.end()) {
            return Optional.empty();
        }
        double value;
        if (t < FLAP_FROM) {
            value = rising.at(t, normal);
        } else if (t < FLAP_UNTIL) {
            value = level1 * (aboveLevel1(t) ? 1 + AMPLITUDE : 1 - AMPLITUDE);
        } else {
            value = subsiding.at(t, normal);
        }
        return Optional.of(new Sample.Reading(value, Quality.NORMAL));
    }

    /** Blips (2 s above in every 6 s) before {@link #HOVER_FROM}, hovering (4 s above in every 6 s) after. */
    static boolean aboveLevel1(double t) {
        if (t < HOVER_FROM) {
            return (t - FLAP_FROM) % 6 < 2;
        }
        return (t - HOVER_FROM) % 6 < 4;
    }

    @Override
    Phases phases() {
        return phases;
    }
}
