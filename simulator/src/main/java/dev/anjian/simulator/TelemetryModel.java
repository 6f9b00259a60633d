package dev.anjian.simulator;

import dev.anjian.events.Device;
import dev.anjian.events.MetricSpec;
import dev.anjian.events.Quality;
import dev.anjian.ingest.mqtt.TelemetryMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What every simulated sensor reports at a scenario instant: a pure function of (device, metric, elapsed
 * scenario time) and the seed. Normal values sit well inside the safe range ({@link NormalRange}) with
 * small seeded noise; the {@link Scenario}'s incidents override them (with 1 % noise, never enough to
 * move a value across a threshold it is meant to stay on one side of). Values are rounded to 2 decimals,
 * as sensors report them.
 */
public final class TelemetryModel {

    private static final double INCIDENT_NOISE = 0.01;

    private final Scenario scenario;
    private final Noise noise;

    public TelemetryModel(Scenario scenario, long seed) {
        this.scenario = scenario;
        this.noise = new Noise(seed);
    }

    public Sample sample(Device device, MetricSpec metric, Duration elapsed) {
        double normal = normalValue(device, metric, elapsed);
        Optional<Sample> incident = scenario.incidentAt(device.deviceId())
                .flatMap(i -> i.sample(metric, elapsed, normal));
        if (incident.isEmpty()) {
            return new Sample.Reading(round(normal), Quality.NORMAL);
        }
        if (incident.get() instanceof Sample.Reading reading) {
            double jitter = 1 + INCIDENT_NOISE * noise.gaussian(device.deviceId(), metric.metric() + "#incident",
                    elapsed.toMillis()) / 3;
            return new Sample.Reading(round(reading.value() * jitter), reading.quality());
        }
        return incident.get();
    }

    /**
     * The device's telemetry message at {@code elapsed}, stamped {@code ts}; empty while it is silent. One
     * quality covers the message (a device calibrates as a whole): the first non-NORMAL one of its metrics.
     */
    public Optional<TelemetryMessage> message(Device device, Duration elapsed, long ts) {
        Map<String, Double> values = new LinkedHashMap<>();
        Quality quality = Quality.NORMAL;
        for (MetricSpec metric : device.metrics()) {
            Sample sample = sample(device, metric, elapsed);
            if (!(sample instanceof Sample.Reading reading)) {
                return Optional.empty();
            }
            values.put(metric.metric(), reading.value());
            if (quality == Quality.NORMAL) {
                quality = reading.quality();
            }
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TelemetryMessage(device.enterpriseId(), device.deviceId(), ts, quality, values));
    }

    private double normalValue(Device device, MetricSpec metric, Duration elapsed) {
        NormalRange range = NormalRange.of(metric);
        // Each sensor has its own resting value in the middle of the range, then noise around it.
        double center = range.at(0.3 + 0.4 * noise.uniform(device.deviceId(), metric.metric()));
        double jitter = noise.gaussian(device.deviceId(), metric.metric(), elapsed.toMillis()) * range.width() / 10;
        return range.clamp(center + jitter);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
