package dev.anjian.jobs.threshold;

import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmIds;
import dev.anjian.events.AlarmType;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.MetricSpec;

/**
 * Turns a threshold step into the {@link AlarmEvent} that announces it. The id depends only on device,
 * rule ({@code threshold:<metric>}) and episode start, so every event of one episode, and a replay of
 * it after a restart, carries the same id.
 */
final class ThresholdAlarms {

    private ThresholdAlarms() {
    }

    static String rule(String metric) {
        return "threshold:" + metric;
    }

    static AlarmEvent of(Device device, MetricSpec spec, ThresholdStep step, DeviceEvent event) {
        String rule = rule(spec.metric());
        String unit = spec.unit().isEmpty() ? event.reading().unit() : spec.unit();
        return new AlarmEvent(
                AlarmIds.of(device.deviceId(), rule, step.episodeStart()),
                step.change(),
                AlarmType.THRESHOLD,
                rule,
                device.deviceId(),
                device.enterpriseId(),
                device.enterpriseName(),
                device.regionCode(),
                device.industry(),
                device.location(),
                spec.metric(),
                unit,
                step.level(),
                event.reading().value(),
                step.threshold(),
                step.episodeStart(),
                event.eventTime(),
                event.backfilled(),
                null,
                null);
    }
}
