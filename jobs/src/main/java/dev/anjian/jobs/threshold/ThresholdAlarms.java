package dev.anjian.jobs.threshold;

import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmType;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.MetricSpec;
import dev.anjian.jobs.Alarms;

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

    static AlarmEvent of(Device device, MetricSpec spec, ThresholdStep step, DeviceEvent event, boolean late) {
        String unit = spec.unit().isEmpty() ? event.reading().unit() : spec.unit();
        Alarms.Measure measure = new Alarms.Measure(spec.metric(), unit, step.level(), event.reading().value(),
                step.threshold());
        return Alarms.of(device, step.change(), AlarmType.THRESHOLD, rule(spec.metric()), measure,
                step.episodeStart(), event.eventTime(), late);
    }
}
