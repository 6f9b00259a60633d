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
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The monitoring topology, free of connectors so that tests run exactly what production runs. Every
 * detector is keyed by device id and holds the device's registry entry:
 * <pre>
 * device-events --+-&gt; ThresholdDetector (+ registry, SUPPRESS) -&gt; THRESHOLD -----------+
 *                 +-&gt; SensorFaultDetector (readings)         -&gt; SENSOR_FAULT --------+-&gt; AlarmLifecycle -&gt; alarms
 *                 +-&gt; OfflineDetector (all events)           -&gt; OFFLINE ------------+   (+ ACK/HANDLE)   (Kafka, InfluxDB)
 *                 |                                          \-&gt; device-status (Kafka, InfluxDB)
 *                 +-&gt; VehicleRules (locations)               -&gt; VEHICLE ------------+
 * ThresholdDetector -&gt; registered events -&gt; reading, vehicle points (InfluxDB)
 * rejected records, events of unregistered devices, unknown commands -&gt; dead-letter (Kafka)
 * </pre>
 * Per-device order holds: Kafka partitions device-events by device and keyBy keeps each key's order.
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
                        alarms.getSideOutput(AlarmLifecycle.DEAD_LETTERS));
        deadLetters.sinkTo(sinks.deadLetters()).uid("dead-letter-kafka").name("Dead letters to Kafka");
    }

    private record Detections(SingleOutputStreamOperator<AlarmEvent> thresholds, DataStream<AlarmEvent> alarms,
            SingleOutputStreamOperator<DeviceStatus> statuses) {
    }

    private static Detections detect(DataStream<DeviceEvent> deviceEvents, DataStream<RegistryUpdate> registryUpdates,
            DataStream<AlarmCommand> alarmCommands, DetectionSettings settings) {
        Lateness lateness = settings.lateness();
        KeyedStream<DeviceEvent, String> byDevice = deviceEvents.keyBy(DeviceEvent::deviceId, Types.STRING);
        KeyedStream<RegistryUpdate, String> registryByDevice =
                registryUpdates.keyBy(RegistryUpdate::deviceId, Types.STRING);

        DataStream<DeviceControl> controls = registryUpdates
                .map(DeviceControl::of, TypeInformation.of(DeviceControl.class))
                .uid("registry-controls").name("Registry updates as device controls")
                .union(alarmCommands.filter(c -> c.type() == AlarmCommand.Type.SUPPRESS)
                        .uid("suppressions").name("Suppression windows")
                        .map(DeviceControl::suppress, TypeInformation.of(DeviceControl.class))
                        .uid("suppression-controls").name("Suppression windows as device controls"));
        SingleOutputStreamOperator<AlarmEvent> thresholds = byDevice
                .connect(controls.keyBy(DeviceControl::deviceId, Types.STRING))
                .process(new ThresholdDetector(lateness), TypeInformation.of(AlarmEvent.class))
                .uid("threshold-detector").name("Threshold detector");

        SingleOutputStreamOperator<AlarmEvent> faults = deviceEvents
                .filter(e -> e.type() == DeviceEvent.Type.SENSOR_READING).uid("sensor-readings").name("Sensor readings")
                .keyBy(DeviceEvent::deviceId, Types.STRING)
                .connect(registryByDevice)
                .process(new SensorFaultDetector(lateness, settings.stuckAfter()), TypeInformation.of(AlarmEvent.class))
                .uid("sensor-fault-detector").name("Sensor fault detector");

        SingleOutputStreamOperator<DeviceStatus> statuses = byDevice
                .connect(registryByDevice)
                .process(new OfflineDetector(settings.disconnectGrace(), settings.restoreGrace()),
                        TypeInformation.of(DeviceStatus.class))
                .uid("offline-detector").name("Offline detector");

        SingleOutputStreamOperator<AlarmEvent> vehicles = deviceEvents
                .filter(e -> e.type() == DeviceEvent.Type.VEHICLE_LOCATION).uid("vehicle-locations")
                .name("Vehicle locations")
                .keyBy(DeviceEvent::deviceId, Types.STRING)
                .connect(registryByDevice)
                .process(new VehicleRules(lateness, settings.vehicle()), TypeInformation.of(AlarmEvent.class))
                .uid("vehicle-rules").name("Vehicle rules");

        DataStream<AlarmEvent> alarms = thresholds.union(faults, statuses.getSideOutput(OfflineDetector.OFFLINE_ALARMS),
                vehicles);
        return new Detections(thresholds, alarms, statuses);
    }
}
