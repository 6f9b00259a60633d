package dev.anjian.jobs;

import dev.anjian.events.AlarmEvent;
import dev.anjian.events.DeadLetter;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where the monitoring pipeline's results go: alarm events (Kafka alarms), rejected input (Kafka
 * dead-letter), and storage: readings and vehicle positions of registered devices, and alarm state
 * changes (InfluxDB measurements reading, vehicle, alarm).
 */
public record PipelineSinks(
        Sink<AlarmEvent> alarms, Sink<DeadLetter> deadLetters, Sink<RegisteredEvent> eventPoints,
        Sink<AlarmEvent> alarmPoints) {
}
