package dev.anjian.jobs;

import static dev.anjian.jobs.TestDevices.gasSensor;
import static dev.anjian.jobs.TestDevices.methane;
import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.common.Config;
import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.common.testing.ItServices;
import dev.anjian.common.testing.TestTopics;
import dev.anjian.common.testing.TopicReader;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmIds;
import dev.anjian.events.AlarmState;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceStatus;
import dev.anjian.events.EventJson;
import dev.anjian.events.SensorReading;
import dev.anjian.events.Topics;
import dev.anjian.jobs.testing.InfluxQueries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Kills the job mid-stream (cancelled with no final savepoint, as a crash leaves it) and restarts it from
 * its last retained checkpoint while devices keep sending: no alarm is lost, an alarm id never comes
 * with two different contents for the same state, the device that went silent while the job was down is
 * reported OFFLINE, the one that kept reporting is not.
 */
class MonitoringRestartIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String GAS = "RESTART-GAS";
    private static final String SILENT = "RESTART-SILENT";
    private static final String TALKER = "RESTART-TALKER";
    private static final int SILENT_TIMEOUT_SECONDS = 6;

    private final List<DeviceEvent> gasSent = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean streaming = new AtomicBoolean(true);

    @Test
    void noAlarmLostNoIdWithTwoContentsAndOfflineTimersSurviveARestart() throws Exception {
        String bootstrap = ItServices.kafkaBootstrap();
        Topics topics = TestTopics.create(bootstrap, 2);
        Path runDir = Path.of("target", "it-restart", UUID.randomUUID().toString()).toAbsolutePath();
        ExecutorService devices = Executors.newSingleThreadExecutor();
        try (InfluxQueries influx = InfluxQueries.uniqueDatabase(ItServices.influxUrl());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(bootstrap, "restart-it"));
             TopicReader<AlarmEvent> alarms = new TopicReader<>(bootstrap, topics.alarms(), AlarmEvent.class);
             TopicReader<DeviceStatus> statuses = new TopicReader<>(bootstrap, topics.deviceStatus(), DeviceStatus.class)) {
            JobsSettings settings = JobsSettings.from(Config.of(Map.of(
                    "kafka.bootstrap", bootstrap,
                    "topic.prefix", topics.prefix(),
                    "parallelism", "2",
                    "checkpoint.interval", "300ms",
                    "checkpoint.dir", runDir.resolve("checkpoints").toString(),
                    "flink.tmp-dir", runDir.resolve("tmp").toString(),
                    "offline.restore-grace", "3s",
                    "influx.url", ItServices.influxUrl(),
                    "influx.database", influx.database()), Map.of()));
            register(producer, topics, gasSensor(GAS, methane(0, 0)));
            register(producer, topics, withTimeout(gasSensor(SILENT, methane(0, 0)), SILENT_TIMEOUT_SECONDS));
            register(producer, topics, withTimeout(gasSensor(TALKER, methane(0, 0)), 5));

            MonitoringJob first = new MonitoringJob(settings);
            first.start();
            Future<?> stream;
            long silentLastSeen;
            try {
                awaitRegistered(producer, topics, influx);
                stream = devices.submit(() -> streamReadings(producer, topics));
                alarms.awaitValues(seen -> seen.size() >= 4, PATIENCE); // mid-stream: alarms are flowing
                silentLastSeen = send(producer, topics, SILENT, 0.3);
                statuses.awaitValues(seen -> seen.stream().anyMatch(s -> s.deviceId().equals(SILENT)), PATIENCE);
                awaitTwoMoreCheckpoints(runDir.resolve("checkpoints"));
            } finally {
                first.close(); // the "kill": no final savepoint; the newest retained checkpoint is where it resumes
            }
            long silentDeadline = silentLastSeen + SILENT_TIMEOUT_SECONDS * 1000L;
            Awaitility.await().atMost(PATIENCE).until(() -> System.currentTimeMillis() > silentDeadline + 1000);

            try (MonitoringJob restarted = new MonitoringJob(settings)) {
                restarted.start();
                statuses.awaitValues(seen -> seen.stream().anyMatch(s -> s.deviceId().equals(SILENT)
                        && s.status() == DeviceStatus.Status.OFFLINE), PATIENCE);
                streaming.set(false);
                stream.get(30, TimeUnit.SECONDS);

                Set<String> expected = expectedAlarms();
                List<AlarmEvent> all = alarms.awaitValues(seen -> distinct(seen, GAS).equals(expected), PATIENCE);
                assertThat(distinct(all, GAS)).as("every alarm of the readings sent, none other").isEqualTo(expected);
                assertThat(all.stream().collect(Collectors.groupingBy(a -> a.alarmId() + "/" + a.state(),
                        Collectors.toSet()))).as("each id and state has one content").allSatisfy((key, copies) ->
                        assertThat(copies).as(key).hasSize(1));
            }
            assertThat(statuses.values()).filteredOn(s -> s.deviceId().equals(SILENT))
                    .extracting(DeviceStatus::status, DeviceStatus::since)
                    .as("online, then offline since its last message plus its timeout")
                    .containsOnly(org.assertj.core.groups.Tuple.tuple(DeviceStatus.Status.ONLINE, silentLastSeen),
                            org.assertj.core.groups.Tuple.tuple(DeviceStatus.Status.OFFLINE, silentDeadline));
            assertThat(statuses.values()).filteredOn(s -> s.deviceId().equals(TALKER))
                    .extracting(DeviceStatus::status).as("kept reporting: never offline")
                    .containsOnly(DeviceStatus.Status.ONLINE);
        } finally {
            streaming.set(false);
            devices.shutdownNow();
        }
    }

    /**
     * GAS alternates five readings at 1.2 % and five at 0.5 % (one episode per ten readings), TALKER reports
     * every 200 ms; stops after a 0.5 % reading so that every episode is cleared.
     */
    private void streamReadings(KafkaProducer<String, byte[]> producer, Topics topics) {
        for (int i = 0; streaming.get() || i % 10 != 0; i++) {
            DeviceEvent event = reading(GAS, i % 10 < 5 ? 1.2 : 0.5);
            sendEvent(producer, topics, event);
            gasSent.add(event);
            if (i % 4 == 0) {
                send(producer, topics, TALKER, 0.2);
            }
            try {
                Thread.sleep(50); // the pace of a device, not a synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Registry and events are separate sources: send safe readings until one of GAS is stored. */
    private static void awaitRegistered(KafkaProducer<String, byte[]> producer, Topics topics, InfluxQueries influx) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
            send(producer, topics, GAS, 0.1);
            return !influx.rows("SELECT * FROM reading WHERE device = '" + GAS + "'").isEmpty();
        });
    }

    private Set<String> expectedAlarms() {
        Set<String> expected = new HashSet<>();
        synchronized (gasSent) {
            for (int i = 0; i < gasSent.size(); i += 10) {
                String id = AlarmIds.of(GAS, "threshold:CH4", gasSent.get(i).eventTime());
                expected.add(id + "/" + AlarmState.RAISED);
                expected.add(id + "/" + AlarmState.CLEARED);
            }
        }
        return expected;
    }

    private static Set<String> distinct(List<AlarmEvent> alarms, String deviceId) {
        return alarms.stream().filter(a -> a.deviceId().equals(deviceId)).map(a -> a.alarmId() + "/" + a.state())
                .collect(Collectors.toSet());
    }

    private static DeviceEvent reading(String deviceId, double value) {
        long now = System.currentTimeMillis();
        return DeviceEvent.reading(deviceId, now, now, new SensorReading("CH4", value, "%", null));
    }

    private static long send(KafkaProducer<String, byte[]> producer, Topics topics, String deviceId, double value) {
        DeviceEvent event = reading(deviceId, value);
        sendEvent(producer, topics, event);
        return event.receivedAt();
    }

    private static void sendEvent(KafkaProducer<String, byte[]> producer, Topics topics, DeviceEvent event) {
        try {
            producer.send(new ProducerRecord<>(topics.deviceEvents(), event.deviceId(), EventJson.write(event)))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send a reading", e);
        }
    }

    private static void register(KafkaProducer<String, byte[]> producer, Topics topics, Device device) throws Exception {
        producer.send(new ProducerRecord<>(topics.deviceRegistry(), device.deviceId(), EventJson.write(device)))
                .get(10, TimeUnit.SECONDS);
    }

    private static Device withTimeout(Device device, int seconds) {
        return new Device(device.deviceId(), device.kind(), device.enterpriseId(), device.enterpriseName(),
                device.regionCode(), device.industry(), device.location(), seconds, device.metrics(), device.vehicle());
    }

    private static void awaitTwoMoreCheckpoints(Path checkpoints) {
        long now = checkpointNumber(checkpoints);
        Awaitility.await().atMost(PATIENCE).until(() -> checkpointNumber(checkpoints) >= now + 2);
    }

    private static long checkpointNumber(Path checkpoints) {
        return RetainedCheckpoints.latest(checkpoints)
                .map(chk -> Long.parseLong(chk.getFileName().toString().substring("chk-".length())))
                .orElse(0L);
    }
}
