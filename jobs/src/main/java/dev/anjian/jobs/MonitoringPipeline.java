package dev.anjian.jobs;

import dev.anjian.events.AlarmCommand;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceStatus;
import dev.anjian.jobs.lifecycle.AlarmLifecycle;
import dev.anjian.jobs.offline.OfflineDetector;
import dev.anjian.jobs.quality.SensorFaultDetector;
import dev.anjian.jobs.threshold.ThresholdDetector;
import dev.anjian.jobs.vehicle.VehicleRules;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The monitoring topology, free of connectors so that tests run exactly what production runs. Device events,
 * registry updates and SUPPRESS windows are merged and keyed by device id ONCE; every detector holds the
 * device's registry entry and reads that keyed stream in the same operator chain (no shuffle between them;
 * {@link KeyedInputSplit} runs each two-input detector as the one-input operator that chaining needs):
 * <pre>
 * device-events, registry, SUPPRESS
 *   --keyBy device--+-&gt; ThresholdDetector   -&gt; THRESHOLD ----+
 *                   +-&gt; SensorFaultDetector -&gt; SENSOR_FAULT -+-&gt; AlarmLifecycle (+ ACK/HANDLE) -&gt; alarms
 *                   +-&gt; OfflineDetector     -&gt; OFFLINE ------+                                (Kafka, InfluxDB)
 *                   |                      \-&gt; device-status (Kafka, InfluxDB)
 *                   +-&gt; VehicleRules        -&gt; VEHICLE ------+
 * ThresholdDetector -&gt; registered events -&gt; reading, vehicle points (InfluxDB)
 * rejected records, events of unregistered devices, unknown commands -&gt; dead-letter (Kafka)
 * </pre>
 * Per-device order holds: Kafka partitions device-events by device and keyBy keeps each key's order.
 * Only alarms (a small fraction of events) cross a second keyed exchange, into the alarm lifecycle.
 */
public final class MonitoringPipeline {

    private MonitoringPipeline() {
    }

    /** Event time is the device's clock, bounded out-of-orderness; idle partitions do not stall the watermark. */
    public static WatermarkStrategy<Decoded<DeviceEvent>> eventTime(DetectionSettings settings) {
        Duration idleness = settings.idleness();
        return WatermarkStrategy.<Decoded<DeviceEvent>>forBoundedOutOfOrderness(settings.outOfOrderness())
                .withTimestampAssigner((decoded, kafkaTimestamp) ->
                        decoded.isRejected() ? kafkaTimestamp : decoded.value().eventTime())
                .withIdleness(idleness);
    }

    public static void build(DataStream<Decoded<DeviceEvent>> events, DataStream<Decoded<RegistryUpdate>> registry,
            DataStream<Decoded<AlarmCommand>> commands, DetectionSettings settings, PipelineSinks sinks) {
        SingleOutputStreamOperator<DeviceEvent> deviceEvents = events
                .process(new SplitRejected<DeviceEvent>(), TypeInformation.of(DeviceEvent.class))
                .uid("device-events-decoded").name("Device events: set rejected records aside");
        SingleOutputStreamOperator<RegistryUpdate> registryUpdates = registry
                .process(new SplitRejected<RegistryUpdate>(), TypeInformation.of(RegistryUpdate.class))
                .uid("device-registry-decoded").name("Device registry: set rejected records aside");
        SingleOutputStreamOperator<AlarmCommand> alarmCommands = commands
                .process(new SplitRejected<AlarmCommand>(), TypeInformation.of(AlarmCommand.class))
                .uid("alarm-commands-decoded").name("Alarm commands: set rejected records aside");

        Detections detections = detect(deviceEvents, registryUpdates, alarmCommands, settings);
        SingleOutputStreamOperator<AlarmEvent> alarms = detections.alarms()
                .keyBy(AlarmEvent::deviceId, Types.STRING)
                .connect(alarmCommands.filter(c -> c.type() != AlarmCommand.Type.SUPPRESS)
                        .uid("acknowledgements").name("Acknowledge and handle commands")
                        .keyBy(AlarmCommand::deviceId, Types.STRING))
                .process(new AlarmLifecycle(settings.closedRetention(), settings.openRetention()),
                        TypeInformation.of(AlarmEvent.class))
                .uid("alarm-lifecycle").name("Alarm lifecycle: acknowledge, handle");

        alarms.sinkTo(sinks.alarms()).uid("alarms-kafka").name("Alarms to Kafka");
        alarms.sinkTo(sinks.alarmPoints()).uid("alarm-points-influxdb").name("Alarm points to InfluxDB");
        detections.statuses().sinkTo(sinks.deviceStatus()).uid("device-status-kafka").name("Device status to Kafka");
        detections.statuses().sinkTo(sinks.statusPoints()).uid("status-points-influxdb")
                .name("Device status points to InfluxDB");
        detections.thresholds().getSideOutput(ThresholdDetector.REGISTERED_EVENTS)
                .sinkTo(sinks.eventPoints()).uid("event-points-influxdb").name("Reading and vehicle points to InfluxDB");

        DataStream<DeadLetter> deadLetters = deviceEvents.getSideOutput(SplitRejected.REJECTED)
                .union(registryUpdates.getSideOutput(SplitRejected.REJECTED),
                        alarmCommands.getSideOutput(SplitRejected.REJECTED),
                        detections.thresholds().getSideOutput(ThresholdDetector.DEAD_LETTERS),
                        detections.enterpriseMismatches(),
                        alarms.getSideOutput(AlarmLifecycle.DEAD_LETTERS));
        deadLetters.sinkTo(sinks.deadLetters()).uid("dead-letter-kafka").name("Dead letters to Kafka");
    }

    private record Detections(SingleOutputStreamOperator<AlarmEvent> thresholds, DataStream<AlarmEvent> alarms,
            SingleOutputStreamOperator<DeviceStatus> statuses, DataStream<DeadLetter> enterpriseMismatches) {
    }

    private static Detections detect(DataStream<DeviceEvent> deviceEvents, DataStream<RegistryUpdate> registryUpdates,
            DataStream<AlarmCommand> alarmCommands, DetectionSettings settings) {
        Lateness lateness = settings.lateness();
        SingleOutputStreamOperator<DeviceInput> gated = byDeviceOnce(deviceEvents, registryUpdates, alarmCommands);
        KeyedStream<DeviceInput, String> inputs =
                DataStreamUtils.reinterpretAsKeyedStream(gated, DeviceInput::deviceId, Types.STRING);

        SingleOutputStreamOperator<AlarmEvent> thresholds = inputs.transform("Threshold detector",
                        TypeInformation.of(AlarmEvent.class),
                        new KeyedInputSplit<String, DeviceInput, DeviceEvent, DeviceControl, AlarmEvent>(
                                new ThresholdDetector(lateness), DeviceInput::event, DeviceInput::control))
                .uid("threshold-detector");

        SingleOutputStreamOperator<AlarmEvent> faults = inputs.transform("Sensor fault detector",
                        TypeInformation.of(AlarmEvent.class),
                        new KeyedInputSplit<String, DeviceInput, DeviceEvent, RegistryUpdate, AlarmEvent>(
                                new SensorFaultDetector(lateness, settings.stuckAfter()),
                                input -> input.eventOf(DeviceEvent.Type.SENSOR_READING), DeviceInput::registryUpdate))
                .uid("sensor-fault-detector");

        SingleOutputStreamOperator<DeviceStatus> statuses = inputs.transform("Offline detector",
                        TypeInformation.of(DeviceStatus.class),
                        new KeyedInputSplit<String, DeviceInput, DeviceEvent, RegistryUpdate, DeviceStatus>(
                                new OfflineDetector(settings.disconnectGrace(), settings.restoreGrace(),
                                        settings.maxLagHold()),
                                DeviceInput::event, DeviceInput::registryUpdate))
                .uid("offline-detector");

        SingleOutputStreamOperator<AlarmEvent> vehicles = inputs.transform("Vehicle rules",
                        TypeInformation.of(AlarmEvent.class),
                        new KeyedInputSplit<String, DeviceInput, DeviceEvent, RegistryUpdate, AlarmEvent>(
                                new VehicleRules(lateness, settings.vehicle()),
                                input -> input.eventOf(DeviceEvent.Type.VEHICLE_LOCATION), DeviceInput::registryUpdate))
                .uid("vehicle-rules");

        DataStream<AlarmEvent> alarms = thresholds.union(faults, statuses.getSideOutput(OfflineDetector.OFFLINE_ALARMS),
                vehicles);
        return new Detections(thresholds, alarms, statuses, gated.getSideOutput(EnterpriseGate.DEAD_LETTERS));
    }

    /**
     * Events, registry updates and SUPPRESS windows merged and keyed by device id in ONE exchange; the
     * detectors read it as an already keyed stream, so they chain behind it (no further shuffle or
     * serialization per detector). The pass-through after keyBy is the one consumer of the exchange.
     */
    private static SingleOutputStreamOperator<DeviceInput> byDeviceOnce(DataStream<DeviceEvent> deviceEvents,
            DataStream<RegistryUpdate> registryUpdates, DataStream<AlarmCommand> alarmCommands) {
        TypeInformation<DeviceInput> type = TypeInformation.of(DeviceInput.class);
        DataStream<DeviceInput> controls = registryUpdates
                .map(update -> DeviceInput.of(DeviceControl.of(update)), type)
                .uid("registry-controls").name("Registry updates as device controls")
                .union(alarmCommands.filter(c -> c.type() == AlarmCommand.Type.SUPPRESS)
                        .uid("suppressions").name("Suppression windows")
                        .map(command -> DeviceInput.of(DeviceControl.suppress(command)), type)
                        .uid("suppression-controls").name("Suppression windows as device controls"));
        return deviceEvents
                .map(DeviceInput::of, type).uid("device-inputs").name("Device events as device inputs")
                .union(controls)
                .keyBy(DeviceInput::deviceId, Types.STRING)
                .process(new EnterpriseGate(), type).uid("device-inputs-by-device")
                .name("Device inputs by device: enterprise checked");
    }
}
