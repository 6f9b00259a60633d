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
import dev.anjian.jobs.StateTtl;
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
 * only while an episode is open or a value is being timed; the latter has a TTL (stuck timing of a
 * silent sensor is not kept forever), a removed device drops all of it.
 */
public final class SensorFaultDetector extends KeyedCoProcessFunction<String, DeviceEvent, RegistryUpdate, AlarmEvent> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SensorFaultDetector.class);
    private static final Duration HEALTH_TTL = Duration.ofDays(7);

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
        MapStateDescriptor<String, MetricHealth> healthState =
                new MapStateDescriptor<>("sensor-health", String.class, MetricHealth.class);
        healthState.enableTimeToLive(StateTtl.of(HEALTH_TTL));
        health = getRuntimeContext().getMapState(healthState);
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
            registered.clear();
            health.clear();
            return;
        }
        registered.update(update.device());
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
