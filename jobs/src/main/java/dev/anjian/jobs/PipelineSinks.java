package dev.anjian.jobs;

import dev.anjian.events.AlarmEvent;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceStatus;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where the monitoring pipeline's results go: alarm events (Kafka alarms), device status transitions
 * (Kafka device-status), rejected input (Kafka dead-letter), and storage: readings and vehicle positions
 * of registered devices, alarm state changes and status transitions (InfluxDB measurements reading,
 * vehicle, alarm, device_status).
 */
public record PipelineSinks(
        Sink<AlarmEvent> alarms, Sink<DeviceStatus> deviceStatus, Sink<DeadLetter> deadLetters,
        Sink<RegisteredEvent> eventPoints, Sink<AlarmEvent> alarmPoints, Sink<DeviceStatus> statusPoints) {
}
