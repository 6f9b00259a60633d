package dev.anjian.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One metric of one sensor at one instant, e.g. {@code CH4 = 0.42 %} at a coal working face. */
public record SensorReading(String metric, @JsonProperty(required = true) double value, String unit, Quality quality) {

    public SensorReading {
        Require.text(metric, "metric");
        Require.finite(value, "value");
        unit = unit == null ? "" : unit;
        quality = quality == null ? Quality.NORMAL : quality;
    }
}
