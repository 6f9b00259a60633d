package dev.anjian.jobs;

import static dev.anjian.jobs.TestDevices.gasSensor;
import static dev.anjian.jobs.TestDevices.methane;
import static dev.anjian.jobs.TestDevices.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.common.Config;
import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.common.testing.ItServices;
import dev.anjian.common.testing.TestTopics;
import dev.anjian.common.testing.TopicReader;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmState;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.EventJson;
import dev.anjian.events.Topics;
import dev.anjian.jobs.testing.InfluxQueries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** {@code new MonitoringJob(settings).start()} / {@code close()}: the way the CLI and the demo run the job. */
class MonitoringJobIT {

    private static final String GAS = "GAS-JOB-IT";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void runsOnALocalMiniClusterResumesFromItsCheckpointAndCleansUpOnClose() throws Exception {
        String bootstrap = ItServices.kafkaBootstrap();
        Topics topics = TestTopics.create(bootstrap, 1);
        Path runDir = Path.of("target", "it-job", UUID.randomUUID().toString()).toAbsolutePath();
        Path tmpRoot = runDir.resolve("tmp");
        Path checkpoints = runDir.resolve("checkpoints");
        try (InfluxQueries influx = InfluxQueries.uniqueDatabase(ItServices.influxUrl());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(bootstrap, "job-it"));
             TopicReader<AlarmEvent> alarms = new TopicReader<>(bootstrap, topics.alarms(), AlarmEvent.class)) {
            JobsSettings settings = JobsSettings.from(Config.of(Map.of(
                    "kafka.bootstrap", bootstrap,
                    "topic.prefix", topics.prefix(),
                    "parallelism", "1",
                    "checkpoint.interval", "300ms",
                    "checkpoint.dir", checkpoints.toString(),
                    "flink.tmp-dir", tmpRoot.toString(),
                    "influx.url", ItServices.influxUrl(),
                    "influx.database", influx.database()), Map.of()));

            MonitoringJob first = new MonitoringJob(settings);
            first.start();
            try {
                assertThat(filesUnder(tmpRoot)).as("Flink's temporary files go to flink.tmp-dir").isNotEmpty();
                assertThatThrownBy(first::start).isInstanceOf(IllegalStateException.class);

                send(producer, topics.deviceRegistry(), GAS, EventJson.write(gasSensor(GAS, methane(0, 0))));
                // Until the registration is in, readings are dead-lettered: keep sending a breach until it raises.
                AtomicInteger second = new AtomicInteger();
                List<AlarmEvent> raised = alarms.awaitValues(seen -> {
                    sendReading(producer, topics, reading(GAS, "CH4", 1.6, second.incrementAndGet()));
                    return !seen.isEmpty();
                }, PATIENCE);
                assertThat(raised).extracting(AlarmEvent::state, AlarmEvent::level)
                        .containsExactly(tuple(AlarmState.RAISED, 2));
                awaitACheckpointStartedAfterNow(checkpoints);
            } finally {
                first.close();
            }
            assertThat(filesUnder(tmpRoot)).as("temporary files deleted on close").isEmpty();
            first.close(); // a second close is a no-op

            try (MonitoringJob restarted = new MonitoringJob(settings)) {
                restarted.start();
                sendReading(producer, topics, reading(GAS, "CH4", 0.5, 1000));
                List<AlarmEvent> all = alarms.awaitValues(seen -> seen.size() >= 2, PATIENCE);
                assertThat(all).extracting(AlarmEvent::state).containsExactly(AlarmState.RAISED, AlarmState.CLEARED);
                assertThat(all.get(1).alarmId()).as("the open episode survived the restart")
                        .isEqualTo(all.get(0).alarmId());
            }
        }
    }

    /** Two checkpoints on from the newest one now: the later one started after this call, state included. */
    private static void awaitACheckpointStartedAfterNow(Path checkpoints) {
        long now = latestCheckpointNumber(checkpoints);
        Awaitility.await().atMost(PATIENCE).until(() -> latestCheckpointNumber(checkpoints) >= now + 2);
    }

    private static long latestCheckpointNumber(Path checkpoints) {
        return RetainedCheckpoints.latest(checkpoints)
                .map(chk -> Long.parseLong(chk.getFileName().toString().substring("chk-".length())))
                .orElse(0L);
    }

    private static void sendReading(KafkaProducer<String, byte[]> producer, Topics topics, DeviceEvent event) {
        send(producer, topics.deviceEvents(), event.deviceId(), EventJson.write(event));
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send a reading", e);
        }
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
