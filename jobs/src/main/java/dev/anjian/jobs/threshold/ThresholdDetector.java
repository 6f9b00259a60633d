package dev.anjian.jobs.threshold;

import dev.anjian.events.AlarmCommand;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.EventJson;
import dev.anjian.events.MetricSpec;
import dev.anjian.events.SensorReading;
import dev.anjian.jobs.Alarms;
import dev.anjian.jobs.DeviceControl;
import dev.anjian.jobs.Lateness;
import dev.anjian.jobs.RegisteredEvent;
import dev.anjian.jobs.RegistryUpdate;
import dev.anjian.jobs.threshold.ThresholdState.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threshold alarms per device, keyed by device id on both inputs: device events (1) and device controls (2:
 * registry updates and SUPPRESS windows from alarm-commands). State per device: its registry entry, one
 * {@link ThresholdState} per metric with a pending or open episode (see {@link ThresholdRule}), and a
 * suppression window while one is commanded (dropped by a timer once it has passed). Readings are
 * evaluated in arrival order, which Kafka (partitioned by device) and keyBy keep per device.
 *
 * <p>Only NORMAL readings outside a suppression window are evaluated: CALIBRATING and MAINTENANCE readings
 * are suppressed, faulty ones are the {@code SensorFaultDetector}'s concern. Alarms from late or back-filled
 * readings are marked back-filled ({@link Lateness}).
 *
 * <p>Outputs: alarm events; {@link #REGISTERED_EVENTS} (readings and vehicle locations of registered
 * devices, with the registry tags storage needs); {@link #DEAD_LETTERS} for events of devices that are not
 * in the registry and SUPPRESS commands for them. This is the one operator that dead-letters strangers; the
 * other detectors ignore them. An event that overtakes its device's registration is dead-lettered rather
 * than buffered, so nothing waits in state without bound.
 */
public final class ThresholdDetector extends KeyedCoProcessFunction<String, DeviceEvent, DeviceControl, AlarmEvent> {

    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("threshold-dead-letters", TypeInformation.of(DeadLetter.class));
    public static final OutputTag<RegisteredEvent> REGISTERED_EVENTS =
            new OutputTag<>("registered-events", TypeInformation.of(RegisteredEvent.class));

    static final String DEAD_LETTER_SOURCE = "jobs";
    static final String UNREGISTERED_METRIC = "unregisteredDeviceEvents";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ThresholdDetector.class);

    private final Lateness lateness;

    private transient ValueState<Device> registered;
    private transient MapState<String, ThresholdState> thresholds;
    private transient ValueState<SuppressionWindow> suppression;
    private transient Counter unregisteredEvents;
    private transient Counter suppressedReadings;

    public ThresholdDetector(Lateness lateness) {
        this.lateness = lateness;
    }

    @Override
    public void open(OpenContext openContext) {
        registered = getRuntimeContext().getState(new ValueStateDescriptor<>("device", Device.class));
        thresholds = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("thresholds", String.class, ThresholdState.class));
        suppression = getRuntimeContext().getState(new ValueStateDescriptor<>("suppression", SuppressionWindow.class));
        unregisteredEvents = getRuntimeContext().getMetricGroup().counter(UNREGISTERED_METRIC);
        suppressedReadings = getRuntimeContext().getMetricGroup().counter("suppressedReadings");
    }

    @Override
    public void processElement1(DeviceEvent event, Context ctx, Collector<AlarmEvent> alarms) throws Exception {
        Device device = registered.value();
        if (device == null) {
            rejectUnregistered(event, ctx);
            return;
        }
        switch (event.type()) {
            case SENSOR_READING -> {
                ctx.output(REGISTERED_EVENTS, RegisteredEvent.of(event, device));
                evaluate(device, event, alarms);
            }
            case VEHICLE_LOCATION -> ctx.output(REGISTERED_EVENTS, RegisteredEvent.of(event, device));
            case CONNECTIVITY -> { } // the offline detector's input, not a threshold concern
        }
    }

    @Override
    public void processElement2(DeviceControl control, Context ctx, Collector<AlarmEvent> alarms) throws Exception {
        if (control.isRegistryUpdate()) {
            apply(control.registryUpdate(), ctx, alarms);
        } else {
            suppress(control.suppression(), ctx);
        }
    }

    /** A suppression window has passed (processing time, the horizon for late readings included). */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlarmEvent> alarms) throws Exception {
        SuppressionWindow window = suppression.value();
        if (window != null && window.until() + lateness.horizonMillis() <= timestamp) {
            suppression.clear();
            LOG.info("suppression window of device {} ended", ctx.getCurrentKey());
        }
    }

    private void apply(RegistryUpdate update, Context ctx, Collector<AlarmEvent> alarms) throws Exception {
        Device previous = registered.value();
        long now = ctx.timerService().currentProcessingTime();
        if (update.isRemoval()) {
            // Alerting keeps an episode open until it sees CLEARED: each open one ends visibly, with its own id.
            if (previous != null) {
                endActive(previous, thresholds.keys(), now, Alarms.DEVICE_REMOVED, alarms);
            }
            registered.clear();
            thresholds.clear();
            dropSuppression(ctx);
            LOG.info("device {} removed from the registry; its threshold state is dropped", update.deviceId());
            return;
        }
        registered.update(update.device());
        dropMetricsNoLongerMonitored(previous == null ? update.device() : previous, update.device(), now, alarms);
    }

    private void endActive(Device device, Iterable<String> metrics, long now, String why,
            Collector<AlarmEvent> alarms) throws Exception {
        for (String metric : metrics) {
            ThresholdState state = thresholds.get(metric);
            if (state != null && state.phase() == Phase.ACTIVE) {
                alarms.collect(ThresholdAlarms.ended(device, metric, state, now, why));
            }
        }
    }

    private void suppress(AlarmCommand command, Context ctx) throws Exception {
        if (registered.value() == null) {
            ctx.output(DEAD_LETTERS, DeadLetter.of(DEAD_LETTER_SOURCE, "alarm-commands",
                    "SUPPRESS for unregistered device " + command.deviceId(), EventJson.write(command),
                    command.issuedAt()));
            return;
        }
        dropSuppression(ctx);
        SuppressionWindow window = new SuppressionWindow(command.issuedAt(), command.until(), command.operator());
        suppression.update(window);
        ctx.timerService().registerProcessingTimeTimer(window.until() + lateness.horizonMillis());
        LOG.info("device {}: concentration alarms suppressed for readings from {} until {} (by {})",
                command.deviceId(), window.from(), window.until(), window.operator());
    }

    private void dropSuppression(Context ctx) throws Exception {
        SuppressionWindow window = suppression.value();
        if (window != null) {
            ctx.timerService().deleteProcessingTimeTimer(window.until() + lateness.horizonMillis());
            suppression.clear();
        }
    }

    private void evaluate(Device device, DeviceEvent event, Collector<AlarmEvent> alarms) throws Exception {
        SensorReading reading = event.reading();
        if (!reading.quality().trustworthy()) {
            return; // calibration/maintenance: suppressed; faults: the SensorFaultDetector's SENSOR_FAULT
        }
        Optional<MetricSpec> spec = device.metric(reading.metric());
        if (spec.isEmpty()) {
            return; // stored (REGISTERED_EVENTS) but has no thresholds
        }
        SuppressionWindow window = suppression.value();
        if (window != null && window.covers(event.eventTime())) {
            suppressedReadings.inc();
            return;
        }
        ThresholdState before = Optional.ofNullable(thresholds.get(reading.metric())).orElse(ThresholdState.NORMAL);
        ThresholdStep step = ThresholdRule.evaluate(spec.get(), before, reading.value(), event.eventTime());
        if (step.next().phase() == Phase.NORMAL) {
            if (before.phase() != Phase.NORMAL) {
                thresholds.remove(reading.metric());
            }
        } else if (!step.next().equals(before)) {
            thresholds.put(reading.metric(), step.next());
        }
        if (step.announces()) {
            alarms.collect(ThresholdAlarms.of(device, spec.get(), step, event, lateness.isLate(event)));
        }
    }

    private void dropMetricsNoLongerMonitored(Device previous, Device device, long now, Collector<AlarmEvent> alarms)
            throws Exception {
        List<String> dropped = new ArrayList<>();
        for (String metric : thresholds.keys()) {
            if (device.metric(metric).isEmpty()) {
                dropped.add(metric);
            }
        }
        endActive(previous, dropped, now, "metric no longer monitored in the registry", alarms);
        for (String metric : dropped) {
            thresholds.remove(metric);
        }
        if (!dropped.isEmpty()) {
            LOG.info("device {} no longer monitors {}; their threshold state is dropped", device.deviceId(), dropped);
        }
    }

    private void rejectUnregistered(DeviceEvent event, Context ctx) {
        unregisteredEvents.inc();
        long count = unregisteredEvents.getCount();
        if (Long.bitCount(count) == 1) { // 1st, 2nd, 4th, 8th ... : visible in the log without flooding it
            LOG.warn("event of unregistered device {} dead-lettered ({} so far in this subtask)", event.deviceId(), count);
        }
        ctx.output(DEAD_LETTERS, DeadLetter.of(DEAD_LETTER_SOURCE, "device-events",
                "unregistered device " + event.deviceId(), EventJson.write(event), event.receivedAt()));
    }
}
