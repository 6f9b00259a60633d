package dev.anjian.events;

/** Whether a metric is dangerous above its levels (gas) or below them (oxygen deficiency). */
public enum Direction {
    HIGH,
    LOW;

    /** True when {@code value} is at or beyond {@code level} in this direction. */
    public boolean breaches(double value, double level) {
        return this == HIGH ? value >= level : value <= level;
    }

    /** True when {@code value} is back on the safe side of the clear value (hysteresis). */
    public boolean clears(double value, double clear) {
        return this == HIGH ? value < clear : value > clear;
    }
}
