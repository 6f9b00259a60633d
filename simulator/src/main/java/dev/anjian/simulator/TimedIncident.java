package dev.anjian.simulator;

import dev.anjian.events.Device;
import java.time.Duration;

/** What every incident shares: a name, its device, a start and length on the scenario clock, and its phases. */
abstract class TimedIncident implements Incident {

    private final String name;
    private final Device device;
    private final Duration start;
    private final Duration length;

    TimedIncident(String name, Device device, Duration start, Duration length) {
        this.name = name;
        this.device = device;
        this.start = start;
        this.length = length;
    }

    /** The phase texts, keyed by seconds after {@link #start()}. */
    abstract Phases phases();

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Device device() {
        return device;
    }

    @Override
    public final Duration start() {
        return start;
    }

    @Override
    public final Duration end() {
        return start.plus(length);
    }

    @Override
    public final Phases.Phase phaseAt(Duration elapsed) {
        return phases().at(secondsIn(elapsed));
    }

    /** Seconds since this incident's start (negative before it). */
    final double secondsIn(Duration elapsed) {
        return Incident.seconds(elapsed.minus(start));
    }
}
