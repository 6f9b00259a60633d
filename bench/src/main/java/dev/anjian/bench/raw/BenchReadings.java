package dev.anjian.bench.raw;

import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.Industry;
import dev.anjian.events.Quality;
import dev.anjian.events.SensorReading;
import dev.anjian.jobs.RegisteredEvent;
import java.io.Serializable;

/**
 * The readings the storage baselines write: reading {@code n} is methane sensor {@code GAS-(n % series)}
 * of one of 10 enterprises, one reading per sensor per second of event time from {@code baseMillis}, so
 * every point is a new (series, time) and InfluxDB stores it rather than overwriting one. As the monitoring
 * job stores a gas sensor's reading (jobs' EventPoints): 6 tags, 2 fields.
 */
record BenchReadings(int series, long baseMillis) implements Serializable {

    private static final long serialVersionUID = 1L;

    BenchReadings {
        if (series < 1) {
            throw new IllegalArgumentException("series must be >= 1, was " + series);
        }
    }

    RegisteredEvent event(long n) {
        int device = (int) (n % series);
        long time = baseMillis + (n / series) * 1_000;
        double value = 0.3 + (n % 17) * 0.01;
        DeviceEvent event = DeviceEvent.reading("GAS-" + device, time, time + 40,
                new SensorReading("CH4", value, "%", Quality.NORMAL));
        return new RegisteredEvent(event, "E" + (device % 10), "410100", Industry.COAL_MINE, DeviceKind.GAS_SENSOR);
    }
}
