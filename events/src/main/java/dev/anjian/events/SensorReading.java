package dev.anjian.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/** One metric of one sensor at one instant, e.g. {@code CH4 = 0.42 %} at a coal working face. */
public record SensorReading(
        String metric,
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) double value,
        String unit,
        Quality quality) {

    public SensorReading {
        Require.text(metric, "metric");
        Require.finite(value, "value");
        unit = unit == null ? "" : unit;
        quality = quality == null ? Quality.NORMAL : quality;
    }
}
