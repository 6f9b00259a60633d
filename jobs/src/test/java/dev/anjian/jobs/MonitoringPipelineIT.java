package dev.anjian.jobs;

import static dev.anjian.jobs.TestDevices.at;
import static dev.anjian.jobs.TestDevices.gasSensor;
import static dev.anjian.jobs.TestDevices.methane;
import static dev.anjian.jobs.TestDevices.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.anjian.common.Config;
import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.common.testing.ItServices;
import dev.anjian.common.testing.TestTopics;
import dev.anjian.common.testing.TopicReader;
import dev.anjian.events.AlarmCommand;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmIds;
import dev.anjian.events.AlarmState;
import dev.anjian.events.AlarmType;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceStatus;
import dev.anjian.events.EventJson;
import dev.anjian.events.Topics;
import dev.anjian.jobs.testing.InfluxQueries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The production topology ({@link MonitoringJob#wire}: real Kafka sources and sinks around
 * {@link MonitoringPipeline#build}, the real InfluxDB sink) on a Flink MiniCluster, fed through Kafka.
 */
class MonitoringPipelineIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String GAS = "HN-PDS-CM01-CH4-T1";

    private String bootstrap;
    private Topics topics;
    private InfluxQueries influx;
    private KafkaProducer<String, byte[]> producer;
    private JobClient job;

    @BeforeEach
    void startJob() throws Exception {
        bootstrap = ItServices.kafkaBootstrap();
        topics = TestTopics.create(bootstrap, 2);
        influx = InfluxQueries.uniqueDatabase(ItServices.influxUrl());
        producer = new KafkaProducer<>(KafkaClients.producer(bootstrap, "pipeline-it"));

        JobsSettings settings = JobsSettings.from(Config.of(Map.of(
                "kafka.bootstrap", bootstrap,
                "topic.prefix", topics.prefix(),
                "kafka.group-id", "pipeline-it-" + UUID.randomUUID(),
                "checkpoint.interval", "500ms",
                "checkpoint.dir", Path.of("target", "it-checkpoints").toString(),
                "offline.restore-grace", "1s",
                // the readings carry receivedAt from T0 (hours ago), the only input: a lag that would hold
                // MUTE-1's OFFLINE for the default 5 min, longer than PATIENCE
                "offline.max-lag-hold", "2s",
                "influx.url", ItServices.influxUrl(),
                "influx.database", influx.database()), Map.of()));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(MonitoringJob.flinkConfig(settings));
        env.setParallelism(2);
        MonitoringJob.wire(env, settings);
        job = env.executeAsync("monitoring-pipeline-it");
    }

    @AfterEach
    void stopJob() throws Exception {
        try {
            job.cancel().get(60, TimeUnit.SECONDS);
        } finally {
            producer.close();
            influx.close();
        }
    }

    @Test
    void raisesEscalatesAndClearsAnAlarmStoresPointsAndDeadLettersBadInput() throws Exception {
        Device device = gasSensor(GAS, methane(0, 0));
        send(topics.deviceRegistry(), GAS, EventJson.write(device));
        Device mute = new Device("MUTE-1", device.kind(), device.enterpriseId(), device.enterpriseName(),
                device.regionCode(), device.industry(), "", 1, device.metrics(), null);
        send(topics.deviceRegistry(), mute.deviceId(), EventJson.write(mute));
        awaitRegistered();

        byte[] malformed = "{\"type\":\"SENSOR_READING\",\"deviceId\":".getBytes(StandardCharsets.UTF_8);
        sendEvent(reading(GAS, "CH4", 0.5, 1000));
        sendEvent(reading(GAS, "CH4", 1.2, 1010));
        sendEvent(reading(GAS, "CH4", 1.7, 1020));
        send(topics.deviceEvents(), GAS, malformed);
        sendEvent(reading(GAS, "CH4", 0.6, 1030)); // after the bad record on the same partition: the job went on
        sendEvent(reading("STRANGER-9", "CH4", 4.0, 1030));

        String alarmId = AlarmIds.of(GAS, "threshold:CH4", at(1010));
        try (TopicReader<AlarmEvent> alarms = new TopicReader<>(bootstrap, topics.alarms(), AlarmEvent.class)) {
            List<AlarmEvent> seen = alarms.awaitValues(list -> ofGas(list).size() >= 3
                    && list.stream().anyMatch(a -> a.deviceId().equals("MUTE-1")), PATIENCE);
            assertThat(ofGas(seen)).extracting(AlarmEvent::state, AlarmEvent::level, AlarmEvent::value, AlarmEvent::threshold)
                    .containsExactly(
                            tuple(AlarmState.RAISED, 1, 1.2, 1.0),
                            tuple(AlarmState.ESCALATED, 2, 1.7, 1.5),
                            tuple(AlarmState.CLEARED, 2, 0.6, 0.8));
            assertThat(ofGas(seen)).extracting(AlarmEvent::alarmId).containsOnly(alarmId);
            assertThat(alarms.records()).extracting(r -> r.key()).contains(alarmId);
            assertThat(seen).filteredOn(a -> !a.deviceId().equals(GAS)).extracting(AlarmEvent::deviceId, AlarmEvent::type)
                    .as("the never-reporting device's OFFLINE episode").containsOnly(tuple("MUTE-1", AlarmType.OFFLINE));
        }

        try (TopicReader<DeadLetter> letters = new TopicReader<>(bootstrap, topics.deadLetter(), DeadLetter.class)) {
            List<DeadLetter> seen = letters.awaitValues(list -> list.stream().anyMatch(this::isMalformed)
                    && list.stream().anyMatch(l -> l.reason().equals("unregistered device STRANGER-9")), PATIENCE);
            DeadLetter bad = seen.stream().filter(this::isMalformed).findFirst().orElseThrow();
            assertThat(bad.source()).isEqualTo("jobs");
            assertThat(bad.reason()).startsWith("DeviceEvent: ");
            assertThat(bad.origin()).startsWith(topics.deviceEvents() + "/");
            assertThat(bad.raw()).isEqualTo(malformed);
        }

        List<Map<String, Object>> alarmPoints = Awaitility.await().atMost(PATIENCE)
                .until(() -> influx.rows("SELECT * FROM alarm WHERE device = '" + GAS + "' ORDER BY time"), rows -> rows.size() == 3);
        assertThat(alarmPoints).extracting(r -> r.get("state"), r -> r.get("level"), r -> r.get("alarm_id"))
                .containsExactly(
                        tuple("RAISED", "1", alarmId),
                        tuple("ESCALATED", "2", alarmId),
                        tuple("CLEARED", "2", alarmId));
        List<Map<String, Object>> readings = Awaitility.await().atMost(PATIENCE).until(
                () -> influx.rows("SELECT * FROM reading WHERE time >= " + at(1000) + "ms ORDER BY time"),
                rows -> rows.size() == 4);
        assertThat(readings).extracting(r -> r.get("value")).containsExactly(0.5, 1.2, 1.7, 0.6);
        assertThat(readings).extracting(r -> Instant.parse((String) r.get("time")).toEpochMilli())
                .containsExactly(at(1000), at(1010), at(1020), at(1030));
        assertThat(readings).allSatisfy(r -> assertThat(r).containsEntry("device", GAS)
                .containsEntry("enterprise", "E-PDS-01").containsEntry("region", "410400"));
        assertThat(influx.rows("SELECT * FROM reading WHERE device = 'STRANGER-9'")).isEmpty();

        acknowledgesKnownAlarmsAndDeadLettersUnknownOnes(alarmId);
        List<Map<String, Object>> muteStatus = Awaitility.await().atMost(PATIENCE).until(
                () -> influx.rows("SELECT * FROM device_status WHERE device = 'MUTE-1'"), rows -> !rows.isEmpty());
        assertThat(muteStatus.get(0)).containsEntry("online", 0.0).containsEntry("reason", "never reported since registration")
                .containsEntry("kind", "GAS_SENSOR").containsEntry("industry", "COAL_MINE");
        try (TopicReader<DeviceStatus> statuses = new TopicReader<>(bootstrap, topics.deviceStatus(), DeviceStatus.class)) {
            assertThat(statuses.awaitValues(list -> list.stream().anyMatch(st -> st.deviceId().equals("MUTE-1")), PATIENCE))
                    .filteredOn(st -> st.deviceId().equals("MUTE-1")).extracting(DeviceStatus::status)
                    .containsExactly(DeviceStatus.Status.OFFLINE);
        }

        assertThat(job.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
    }

    private void acknowledgesKnownAlarmsAndDeadLettersUnknownOnes(String alarmId) throws Exception {
        long now = System.currentTimeMillis();
        send(topics.alarmCommands(), alarmId, EventJson.write(new AlarmCommand(AlarmCommand.Type.ACKNOWLEDGE, alarmId,
                GAS, "值班员", "已通知矿方", now, 0)));
        send(topics.alarmCommands(), "A-NOPE", EventJson.write(new AlarmCommand(AlarmCommand.Type.HANDLE, "A-NOPE",
                GAS, "值班员", "", now, 0)));
        try (TopicReader<AlarmEvent> alarms = new TopicReader<>(bootstrap, topics.alarms(), AlarmEvent.class)) {
            AlarmEvent ack = ofGas(alarms.awaitValues(list -> ofGas(list).size() >= 4, PATIENCE)).get(3);
            assertThat(ack).extracting(AlarmEvent::alarmId, AlarmEvent::state, AlarmEvent::operator, AlarmEvent::note)
                    .containsExactly(alarmId, AlarmState.ACKNOWLEDGED, "值班员", "已通知矿方");
        }
        try (TopicReader<DeadLetter> letters = new TopicReader<>(bootstrap, topics.deadLetter(), DeadLetter.class)) {
            assertThat(letters.awaitValues(list -> list.stream().anyMatch(l -> l.reason().contains("A-NOPE")), PATIENCE))
                    .filteredOn(l -> l.reason().contains("A-NOPE")).extracting(DeadLetter::origin)
                    .containsExactly("alarm-commands");
        }
    }

    /**
     * The registry and device-events are separate sources, so a reading may overtake its device's
     * registration (and is then dead-lettered, by design). Send harmless readings until one is stored.
     */
    private void awaitRegistered() {
        AtomicInteger second = new AtomicInteger();
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            sendEvent(reading(GAS, "CH4", 0.1, second.incrementAndGet()));
            return !influx.rows("SELECT * FROM reading WHERE device = '" + GAS + "'").isEmpty();
        });
    }

    private static List<AlarmEvent> ofGas(List<AlarmEvent> alarms) {
        return alarms.stream().filter(a -> a.deviceId().equals(GAS)).toList();
    }

    private boolean isMalformed(DeadLetter letter) {
        return letter.origin().startsWith(topics.deviceEvents()) && letter.reason().startsWith("DeviceEvent: ");
    }

    private void sendEvent(DeviceEvent event) throws Exception {
        send(topics.deviceEvents(), event.deviceId(), EventJson.write(event));
    }

    private void send(String topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
    }
}
