package dev.anjian.jobs.cluster;

import static dev.anjian.jobs.TestDevices.gasSensor;
import static dev.anjian.jobs.TestDevices.methane;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.common.testing.ItServices;
import dev.anjian.common.testing.TestTopics;
import dev.anjian.common.testing.TopicReader;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmState;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceStatus;
import dev.anjian.events.EventJson;
import dev.anjian.events.SensorReading;
import dev.anjian.events.Topics;
import dev.anjian.jobs.testing.InfluxQueries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monitoring job on a real standalone Flink session cluster (JobManager and TaskManager JVMs started by
 * {@code deploy/flink/cluster.sh}), submitted as the shaded job jar over REST, stopped with a savepoint and
 * resumed from it: the open alarm and the pending offline timer live on in the resumed job.
 *
 * <p>GAS raises a methane alarm and QUIET reports once before the stop; after the resume GAS clears and QUIET
 * stays silent. Why this can only pass with the state restored: a job started without it either reads
 * device-events from its committed offsets (it never saw the alarm open, so the clearing reading clears
 * nothing, and QUIET would be OFFLINE since its registration plus the timeout, not since its reading plus
 * the timeout) or from the earliest offset (the alarm would be RAISED a second time and QUIET would be ONLINE
 * a second time). Hence the exact sequences asserted below.
 */
class FlinkClusterSavepointIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String GAS = "CLUSTER-GAS";
    private static final String QUIET = "CLUSTER-QUIET";
    /** Far longer than a stop-with-savepoint takes, so the timer is still pending in the savepoint. */
    private static final int QUIET_TIMEOUT_SECONDS = 30;

    private static FlinkClusterScript cluster;

    @BeforeAll
    static void startCluster() {
        cluster = FlinkClusterScript.fromSystemProperties();
        cluster.start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.stop();
        }
    }

    @Test
    void openAlarmAndOfflineTimerSurviveAStopWithSavepointAndAResume() throws Exception {
        String bootstrap = ItServices.kafkaBootstrap();
        Topics topics = TestTopics.create(bootstrap, 2);
        Path jar = FlinkClusterScript.jobJar();
        try (InfluxQueries influx = InfluxQueries.uniqueDatabase(ItServices.influxUrl());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(bootstrap, "cluster-it"));
             TopicReader<AlarmEvent> alarms = new TopicReader<>(bootstrap, topics.alarms(), AlarmEvent.class);
             TopicReader<DeviceStatus> statuses = new TopicReader<>(bootstrap, topics.deviceStatus(), DeviceStatus.class)) {
            List<String> args = List.of("--config", jobConfig(topics, influx.database()).toString(),
                    "--set", "parallelism=2");
            register(producer, topics, gasSensor(GAS, methane(0, 0)));
            register(producer, topics, withTimeout(gasSensor(QUIET, methane(0, 0)), QUIET_TIMEOUT_SECONDS));

            String firstRun = cluster.submit(jar, args);
            awaitOnline(producer, topics, statuses, GAS, 0.1);
            send(producer, topics, GAS, 1.2);
            AlarmEvent raised = alarms.awaitValues(seen -> !of(seen, GAS).isEmpty(), PATIENCE).stream()
                    .filter(alarm -> alarm.deviceId().equals(GAS)).findFirst().orElseThrow();
            assertThat(raised.state()).isEqualTo(AlarmState.RAISED);
            long quietLastSeen = awaitOnline(producer, topics, statuses, QUIET, 0.2);
            String savepoint = cluster.stopWithSavepoint(firstRun);

            assertThat(statusesOf(statuses.values(), QUIET)).extracting(DeviceStatus::status)
                    .as("QUIET's offline timer had not fired when the job stopped: it is in the savepoint")
                    .containsExactly(DeviceStatus.Status.ONLINE);

            cluster.resume(jar, savepoint, args);
            send(producer, topics, GAS, 0.5);

            List<AlarmEvent> gasAlarms = of(alarms.awaitValues(seen -> of(seen, GAS).stream()
                    .anyMatch(alarm -> alarm.state() == AlarmState.CLEARED), PATIENCE), GAS);
            assertThat(gasAlarms).extracting(AlarmEvent::alarmId, AlarmEvent::state)
                    .as("the episode opened before the stop is cleared after the resume, raised once")
                    .containsExactly(tuple(raised.alarmId(), AlarmState.RAISED),
                            tuple(raised.alarmId(), AlarmState.CLEARED));

            List<DeviceStatus> quiet = statusesOf(statuses.awaitValues(seen -> statusesOf(seen, QUIET).stream()
                    .anyMatch(status -> status.status() == DeviceStatus.Status.OFFLINE), PATIENCE), QUIET);
            assertThat(quiet).extracting(DeviceStatus::status)
                    .containsExactly(DeviceStatus.Status.ONLINE, DeviceStatus.Status.OFFLINE);
            assertThat(quiet.get(1).since()).as("OFFLINE since its last reading plus its timeout")
                    .isEqualTo(quietLastSeen + QUIET_TIMEOUT_SECONDS * 1000L);
        }
    }

    /** The job's settings, read by its main inside the JobManager (same machine: a file path is fine). */
    private static Path jobConfig(Topics topics, String database) throws IOException {
        Path file = cluster.clusterDir().resolve(topics.prefix() + "jobs.properties");
        Files.writeString(file, String.join("\n",
                "kafka.bootstrap=" + ItServices.kafkaBootstrap(),
                "topic.prefix=" + topics.prefix(),
                "kafka.group-id=" + topics.prefix() + "monitoring",
                "influx.url=" + ItServices.influxUrl(),
                "influx.database=" + database,
                "checkpoint.interval=1s",
                // the timers of a resumed job wait this long for the backlog; nothing is backed up here
                "offline.restore-grace=1s",
                ""));
        return file;
    }

    /**
     * Sends readings until the job reports the device ONLINE (its registry entry and the readings come from
     * two sources, so the first readings may overtake the registration); returns the last one's arrival.
     */
    private static long awaitOnline(KafkaProducer<String, byte[]> producer, Topics topics,
            TopicReader<DeviceStatus> statuses, String deviceId, double value) {
        AtomicLong lastSent = new AtomicLong();
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            lastSent.set(send(producer, topics, deviceId, value));
            return !statusesOf(statuses.values(), deviceId).isEmpty();
        });
        return lastSent.get();
    }

    private static List<AlarmEvent> of(List<AlarmEvent> alarms, String deviceId) {
        return alarms.stream().filter(alarm -> alarm.deviceId().equals(deviceId)).toList();
    }

    private static List<DeviceStatus> statusesOf(List<DeviceStatus> statuses, String deviceId) {
        return statuses.stream().filter(status -> status.deviceId().equals(deviceId)).toList();
    }

    private static long send(KafkaProducer<String, byte[]> producer, Topics topics, String deviceId, double value)
            throws Exception {
        long now = System.currentTimeMillis();
        DeviceEvent event = DeviceEvent.reading(deviceId, now, now, new SensorReading("CH4", value, "%", null));
        producer.send(new ProducerRecord<>(topics.deviceEvents(), deviceId, EventJson.write(event)))
                .get(10, TimeUnit.SECONDS);
        return event.receivedAt();
    }

    private static void register(KafkaProducer<String, byte[]> producer, Topics topics, Device device) throws Exception {
        producer.send(new ProducerRecord<>(topics.deviceRegistry(), device.deviceId(), EventJson.write(device)))
                .get(10, TimeUnit.SECONDS);
    }

    private static Device withTimeout(Device device, int seconds) {
        return new Device(device.deviceId(), device.kind(), device.enterpriseId(), device.enterpriseName(),
                device.regionCode(), device.industry(), device.location(), seconds, device.metrics(), device.vehicle());
    }
}
