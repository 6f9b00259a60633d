package dev.anjian.alerting.api;

import dev.anjian.events.AlarmCommand;
import dev.anjian.events.EventJson;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes an operator's command to the alarm-commands topic keyed by alarm id and returns once the broker
 * has it (acks=all), so a 202 from the API means the command is durable. Kafka unavailable is a 503.
 */
public final class CommandPublisher {

    private static final long TIMEOUT_SECONDS = 10;

    private final Producer<String, byte[]> producer;
    private final String topic;

    public CommandPublisher(Producer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    public void publish(AlarmCommand command) {
        try {
            producer.send(new ProducerRecord<>(topic, command.alarmId(), EventJson.write(command)))
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, "unavailable", "interrupted while publishing the command");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new ApiError(503, "unavailable", "the command could not be stored in Kafka (" + topic + "); try again");
        }
    }
}
