package dev.anjian.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;

/**
 * A monitored metric of a device and its alarm thresholds. {@code levels} are ordered from the first
 * level (alarm, level 1) to the most severe (power-off, level 2); a reading at or beyond a level raises
 * that level, and the episode clears only once the value is beyond {@code clear} on the safe side.
 * Example, coal working face T1 methane: HIGH, levels [1.0, 1.5] %, clear 1.0 (restore below 1.0 %).
 * Debounce: the breach must hold for {@code debounceSeconds} and {@code debounceSamples} readings.
 */
public record MetricSpec(
        String metric,
        String unit,
        Direction direction,
        List<Double> levels,
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) double clear,
        int debounceSeconds,
        int debounceSamples) {

    public MetricSpec {
        Require.text(metric, "metric");
        unit = unit == null ? "" : unit;
        Require.present(direction, "direction");
        Require.present(levels, "levels");
        for (Double level : levels) {
            Require.finite(Require.present(level, "levels[]"), "levels[]");
        }
        Require.finite(clear, "clear");
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("field 'levels' needs at least one threshold");
        }
        for (int i = 1; i < levels.size(); i++) {
            if (!direction.breaches(levels.get(i), levels.get(i - 1)) || levels.get(i).equals(levels.get(i - 1))) {
                throw new IllegalArgumentException("field 'levels' must be strictly "
                        + (direction == Direction.HIGH ? "increasing" : "decreasing") + " for a " + direction
                        + " metric, was " + levels);
            }
        }
        if (direction.breaches(clear, levels.get(0)) && clear != levels.get(0)) {
            throw new IllegalArgumentException("field 'clear' (" + clear + ") must be on the safe side of level 1 ("
                    + levels.get(0) + ")");
        }
        if (debounceSeconds < 0 || debounceSamples < 0) {
            throw new IllegalArgumentException("fields 'debounceSeconds' and 'debounceSamples' must not be negative");
        }
    }

    /** The highest level (1-based) that {@code value} breaches, or 0 for none. */
    public int levelOf(double value) {
        int level = 0;
        for (int i = 0; i < levels.size(); i++) {
            if (direction.breaches(value, levels.get(i))) {
                level = i + 1;
            }
        }
        return level;
    }

    /** The threshold value of a 1-based level. */
    public double threshold(int level) {
        return levels.get(level - 1);
    }
}
