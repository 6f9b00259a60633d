package dev.anjian.jobs.quality;

import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmState;
import dev.anjian.events.AlarmType;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.SensorReading;
import dev.anjian.jobs.Alarms;
import dev.anjian.jobs.Lateness;
import dev.anjian.jobs.RegistryUpdate;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SENSOR_FAULT episodes per device and metric ({@link SensorHealthRule}): readings flagged faulty raise one
 * instead of a concentration alarm (which the threshold detector never raises from them), and the optional
 * stuck-value rule. Keyed by device id: sensor readings (1), registry updates (2). Events of devices not
 * in the registry are ignored here (the threshold detector dead-letters them).
 *
 * <p>Rules {@code sensor-fault:<metric>} and {@code stuck:<metric>}; the alarm's {@code note} names the
 * quality that raised it (e.g. {@code DISCONNECTED}). State: the registration, and a {@link MetricHealth}
 * only while an episode is open or a value is being timed. No TTL: it would drop an open episode without a
 * CLEARED (an ongoing fault does not rewrite the entry), and the next faulty reading would raise it again
 * under a new id; the state is bounded by the registry instead. A removed device has its open episodes
 * CLEARED (note {@link Alarms#DEVICE_REMOVED}) before all of it is dropped.
 */
public final class SensorFaultDetector extends KeyedCoProcessFunction<String, DeviceEvent, RegistryUpdate, AlarmEvent> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SensorFaultDetector.class);

    private final Lateness lateness;
    private final long stuckAfterMillis;

    private transient ValueState<Device> registered;
    private transient MapState<String, MetricHealth> health;

    /** {@code stuckAfter} zero turns the stuck-value rule off. */
    public SensorFaultDetector(Lateness lateness, Duration stuckAfter) {
        this.lateness = lateness;
        this.stuckAfterMillis = stuckAfter.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        registered = getRuntimeContext().getState(new ValueStateDescriptor<>("device", Device.class));
        health = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("sensor-health", String.class, MetricHealth.class));
    }

    @Override
    public void processElement1(DeviceEvent event, Context ctx, Collector<AlarmEvent> alarms) throws Exception {
        Device device = registered.value();
        if (device == null || event.type() != DeviceEvent.Type.SENSOR_READING) {
            return;
        }
        SensorReading reading = event.reading();
        MetricHealth before = health.get(reading.metric());
        if (before == null) {
            if (stuckAfterMillis == 0 && !reading.quality().isFault()) {
                return; // the common case, healthy and nothing timed: no state touched
            }
            before = MetricHealth.HEALTHY;
        }
        SensorHealthRule.Outcome outcome =
                SensorHealthRule.evaluate(before, reading, event.eventTime(), stuckAfterMillis);
        if (outcome.next().isEmpty()) {
            health.remove(reading.metric());
        } else if (!outcome.next().equals(before)) {
            health.put(reading.metric(), outcome.next());
        }
        boolean late = lateness.isLate(event);
        for (SensorHealthRule.Change change : outcome.changes()) {
            alarms.collect(alarm(device, reading, change, event.eventTime(), late));
        }
    }

    @Override
    public void processElement2(RegistryUpdate update, Context ctx, Collector<AlarmEvent> alarms) throws Exception {
        if (update.isRemoval()) {
            Device gone = registered.value();
            if (gone != null) {
                endOpenEpisodes(gone, ctx.timerService().currentProcessingTime(), alarms);
            }
            registered.clear();
            health.clear();
            return;
        }
        registered.update(update.device());
    }

    private void endOpenEpisodes(Device device, long now, Collector<AlarmEvent> alarms) throws Exception {
        for (var entry : health.entries()) {
            String metric = entry.getKey();
            MetricHealth open = entry.getValue();
            String unit = device.metric(metric).map(spec -> spec.unit()).orElse("");
            Alarms.Measure measure = new Alarms.Measure(metric, unit, 1, open.lastValue(), 0.0);
            if (open.faultSince() != 0) {
                alarms.collect(Alarms.ended(device, AlarmType.SENSOR_FAULT, SensorHealthRule.FAULT + ":" + metric,
                        measure, open.faultSince(), now, Alarms.DEVICE_REMOVED));
            }
            if (open.stuckSince() != 0) {
                alarms.collect(Alarms.ended(device, AlarmType.SENSOR_FAULT, SensorHealthRule.STUCK + ":" + metric,
                        measure, open.stuckSince(), now, Alarms.DEVICE_REMOVED));
            }
        }
    }

    private static AlarmEvent alarm(Device device, SensorReading reading, SensorHealthRule.Change change,
            long eventTime, boolean late) {
        String rule = change.kind() + ":" + reading.metric();
        Alarms.Measure measure = new Alarms.Measure(reading.metric(), reading.unit(), 1, reading.value(), 0.0);
        AlarmEvent alarm = Alarms.of(device, change.state(), AlarmType.SENSOR_FAULT, rule, measure,
                change.episodeStart(), eventTime, late);
        if (change.state() == AlarmState.RAISED) {
            LOG.debug("device {}: {} raised ({})", device.deviceId(), rule, change.quality());
        }
        return Alarms.withState(alarm, alarm.state(), eventTime, null, change.quality());
    }
}
