package dev.anjian.jobs;

import dev.anjian.events.AlarmEvent;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceEvent;
import dev.anjian.jobs.threshold.ThresholdDetector;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The monitoring topology, free of connectors so that tests run exactly what production runs:
 * <pre>
 * device-events ---&gt; split rejected --+--keyBy device--&gt; ThresholdDetector --&gt; alarms (Kafka, InfluxDB)
 * device-registry -&gt; split rejected -/     (registry keyed by device too)  \--&gt; registered events (InfluxDB)
 * rejected records + events of unregistered devices ---------------------------&gt; dead-letter (Kafka)
 * </pre>
 */
public final class MonitoringPipeline {

    private MonitoringPipeline() {
    }

    public static void build(
            DataStream<Decoded<DeviceEvent>> events, DataStream<Decoded<RegistryUpdate>> registry, PipelineSinks sinks) {
        SingleOutputStreamOperator<DeviceEvent> deviceEvents = events
                .process(new SplitRejected<DeviceEvent>(), TypeInformation.of(DeviceEvent.class))
                .uid("device-events-decoded").name("Device events: set rejected records aside");
        SingleOutputStreamOperator<RegistryUpdate> registryUpdates = registry
                .process(new SplitRejected<RegistryUpdate>(), TypeInformation.of(RegistryUpdate.class))
                .uid("device-registry-decoded").name("Device registry: set rejected records aside");

        SingleOutputStreamOperator<AlarmEvent> alarms = deviceEvents
                .keyBy(DeviceEvent::deviceId, Types.STRING)
                .connect(registryUpdates.keyBy(RegistryUpdate::deviceId, Types.STRING))
                .process(new ThresholdDetector(), TypeInformation.of(AlarmEvent.class))
                .uid("threshold-detector").name("Threshold detector");

        alarms.sinkTo(sinks.alarms()).uid("alarms-kafka").name("Alarms to Kafka");
        alarms.sinkTo(sinks.alarmPoints()).uid("alarm-points-influxdb").name("Alarm points to InfluxDB");
        alarms.getSideOutput(ThresholdDetector.REGISTERED_EVENTS)
                .sinkTo(sinks.eventPoints()).uid("event-points-influxdb").name("Reading and vehicle points to InfluxDB");

        DataStream<DeadLetter> deadLetters = deviceEvents.getSideOutput(SplitRejected.REJECTED)
                .union(registryUpdates.getSideOutput(SplitRejected.REJECTED),
                        alarms.getSideOutput(ThresholdDetector.DEAD_LETTERS));
        deadLetters.sinkTo(sinks.deadLetters()).uid("dead-letter-kafka").name("Dead letters to Kafka");
    }
}
