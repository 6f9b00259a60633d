package dev.anjian.simulator;

import dev.anjian.events.Quality;

/** What a simulated sensor reports for one metric at one instant: a reading, or nothing at all. */
public sealed interface Sample permits Sample.Reading, Sample.Silent {

    /** A value with the quality flag the device sends (CALIBRATING while calibration gas is applied). */
    record Reading(double value, Quality quality) implements Sample {
    }

    /** The device publishes nothing (dead, unplugged, out of coverage): the offline detector's case. */
    record Silent() implements Sample {
    }
}
