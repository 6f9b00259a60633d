package dev.anjian.jobs.threshold;

import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmType;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.MetricSpec;
import dev.anjian.jobs.Alarms;
import java.util.Optional;

/**
 * Turns a threshold step into the {@link AlarmEvent} that announces it, rule {@code threshold:<metric>}.
 * {@code backfilled} when the reading that changed the episode was late or re-sent (no live SMS).
 */
final class ThresholdAlarms {

    private ThresholdAlarms() {
    }

    static String rule(String metric) {
        return "threshold:" + metric;
    }

    /** The CLEARED of an ACTIVE episode the detector stops following ({@code why}): no reading, so value = clear. */
    static AlarmEvent ended(Device device, String metric, ThresholdState active, long now, String why) {
        Optional<MetricSpec> spec = device.metric(metric);
        String unit = spec.map(MetricSpec::unit).orElse("");
        double clear = spec.map(MetricSpec::clear).orElse(0.0);
        Alarms.Measure measure = new Alarms.Measure(metric, unit, active.level(), clear, clear);
        return Alarms.ended(device, AlarmType.THRESHOLD, rule(metric), measure, active.episodeStart(), now, why);
    }

    static AlarmEvent of(Device device, MetricSpec spec, ThresholdStep step, DeviceEvent event, boolean late) {
        String unit = spec.unit().isEmpty() ? event.reading().unit() : spec.unit();
        Alarms.Measure measure = new Alarms.Measure(spec.metric(), unit, step.level(), event.reading().value(),
                step.threshold());
        return Alarms.of(device, step.change(), AlarmType.THRESHOLD, rule(spec.metric()), measure,
                step.episodeStart(), event.eventTime(), late);
    }
}
