package dev.anjian.simulator;

import static dev.anjian.simulator.Profile.NORMAL;

import dev.anjian.events.Device;
import dev.anjian.events.MetricSpec;
import dev.anjian.events.Quality;
import java.time.Duration;
import java.util.Optional;

/**
 * An ammonia leak in a refrigeration machine room, in seconds after its start (levels from the registry;
 * the example's are 25 / 100 ppm, clear 20):
 * <pre>
 *  0-15  rising from normal past level 1 to halfway between the levels (62.5 ppm)
 * 15-25  holding above level 1
 * 25-35  rising past level 2 to 1.3 x level 2 (130 ppm); held until 45
 * 45-70  emergency exhaust: falling past both levels and the clear value to half of it (10 ppm)
 * 70-85  low, then back to normal
 * </pre>
 * One alarm episode expected: RAISED at level 1, ESCALATED at level 2, CLEARED below the clear value.
 */
final class AmmoniaLeak extends TimedIncident {

    static final Duration LENGTH = Duration.ofSeconds(85);

    private final MetricSpec metric;
    private final Profile profile;
    private final Phases phases;

    AmmoniaLeak(Device device, MetricSpec metric, Duration start) {
        super("ammonia leak", device, start, LENGTH);
        this.metric = metric;
        int levels = metric.levels().size();
        double level1 = metric.threshold(1);
        double top = metric.threshold(levels);
        double between = levels > 1 ? (level1 + metric.threshold(2)) / 2 : level1 * 1.5;
        double peak = top * 1.3;
        double low = metric.clear() * 0.5;
        this.profile = Profile.of(0, NORMAL, 15, between, 25, between, 35, peak, 45, peak, 70, low, 80, low, 85, NORMAL);
        String m = metric.metric();
        String unit = " " + metric.unit();
        this.phases = new Phases()
                .then(0, "leak begins: " + m + " rising past level 1 (" + Phases.number(level1) + unit + ")")
                .then(15, m + " above level 1, holding at " + Phases.number(between) + unit)
                .then(25, m + " rising past " + (levels > 1 ? "level 2 (" + Phases.number(top) + unit + ")" : "level 1")
                        + " to " + Phases.number(peak) + unit)
                .then(45, "emergency exhaust running: " + m + " falling below the clear value ("
                        + Phases.number(metric.clear()) + unit + ")")
                .then(70, m + " below the clear value (" + Phases.number(low) + unit + ")")
                .then(85, "leak over, " + m + " back to normal");
    }

    @Override
    public Optional<Sample> sample(MetricSpec asked, Duration elapsed, double normal) {
        double t = secondsIn(elapsed);
        if (!asked.metric().equals(metric.metric()) || !profile.covers(t)) {
            return Optional.empty();
        }
        return Optional.of(new Sample.Reading(profile.at(t, normal), Quality.NORMAL));
    }

    @Override
    Phases phases() {
        return phases;
    }
}
