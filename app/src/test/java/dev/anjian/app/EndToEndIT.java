package dev.anjian.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.anjian.alerting.AlertingService;
import dev.anjian.alerting.AlertingSettings;
import dev.anjian.common.Config;
import dev.anjian.common.testing.ItServices;
import dev.anjian.common.testing.TestTopics;
import dev.anjian.common.testing.TopicReader;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmState;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.Notification;
import dev.anjian.events.Quality;
import dev.anjian.events.Topics;
import dev.anjian.ingest.IngestSettings;
import dev.anjian.ingest.mqtt.MqttBridge;
import dev.anjian.ingest.mqtt.TelemetryMessage;
import dev.anjian.jobs.JobsSettings;
import dev.anjian.jobs.MonitoringJob;
import dev.anjian.registry.RegistryFile;
import dev.anjian.registry.RegistryImporter;
import dev.anjian.registry.RegistryParse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation's whole path on real services, wired as {@code anjian demo} wires it: a reading published
 * over MQTT (Mosquitto) passes the bridge into Kafka, the Flink job (MiniCluster) turns it into alarm
 * events on Kafka and points in InfluxDB, and alerting records one SMS per alarm state change in the
 * notifications ledger. The example Henan registry and routing file are the ones the demo ships.
 */
class EndToEndIT {

    static final String ENTERPRISE = "E-HN-NH3-01";
    static final String SENSOR = "HN-ZZ-RF01-NH3-MR"; // NH3 levels [25, 100] ppm, clear 20, 2 samples debounce
    static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String bootstrap = ItServices.kafkaBootstrap();
    private final String influxDatabase = "e2e_" + run;
    private Topics topics;
    private AlertingService alerting;
    private MonitoringJob job;
    private MqttBridge bridge;
    private MqttClient sensor;
    private InfluxDB influx;
    private long clock = System.currentTimeMillis();

    @BeforeEach
    void startTheSystem() throws Exception {
        topics = TestTopics.create(bootstrap, 2);
        RegistryParse registry = RegistryFile.parse(Path.of("../config/registry/henan-example.yaml"));
        assertThat(registry.errors()).isEmpty();
        new RegistryImporter(bootstrap, topics).importDevices(registry.devices(), false);

        Map<String, String> shared = Map.of("kafka.bootstrap", bootstrap, "topic.prefix", topics.prefix(),
                "influx.url", ItServices.influxUrl(), "influx.database", influxDatabase);
        alerting = new AlertingService(AlertingSettings.from(config(shared, Map.of(
                "alerting.group-id", "e2e-alerting-" + run,
                "alerting.routing-file", "../config/routing.yaml",
                "api.port", "0",
                "api.tokens-file", "../config/api-tokens.yaml",
                "sms.log-file", dir.resolve("sms.log").toString()))));
        alerting.start();
        job = new MonitoringJob(JobsSettings.from(config(shared, Map.of(
                "kafka.group-id", "e2e-jobs-" + run,
                "parallelism", "1",
                "checkpoint.interval", "2s",
                "checkpoint.dir", dir.resolve("checkpoints").toString(),
                "checkpoint.resume", "false",
                "flink.tmp-dir", dir.resolve("flink").toString()))));
        job.start();
        bridge = new MqttBridge(IngestSettings.from(config(shared, Map.of(
                "mqtt.url", ItServices.mqttUrl(),
                "mqtt.client-id", "e2e-bridge-" + run,
                "mqtt.share-group", "e2e-" + run))));
        bridge.start();

        sensor = new MqttClient(ItServices.mqttUrl(), "e2e-sensor-" + run, null);
        sensor.connect(new MqttConnectionOptions());
        influx = InfluxDBFactory.connect(ItServices.influxUrl());
    }

    @AfterEach
    void stopTheSystem() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {bridge, job, alerting}) {
            if (part != null) {
                part.close();
            }
        }
        if (sensor != null && sensor.isConnected()) {
            sensor.disconnect();
            sensor.close();
        }
        if (influx != null) {
            influx.query(new Query("DROP DATABASE \"" + influxDatabase + "\""));
            influx.close();
        }
    }

    @Test
    void anAmmoniaLeakPublishedOverMqttBecomesAlarmsInfluxPointsAndOneSmsPerStateChange() throws Exception {
        awaitTheJobKnowsTheSensor();

        // Another enterprise publishing under its own topic for this sensor must not raise its alarms.
        publish("E-HN-COAL-01", 500);
        publish("E-HN-COAL-01", 500);
        for (double ppm : new double[] {30, 31, 120, 60, 10, 8}) {
            publish(ppm);
        }
        sensor.publish(TelemetryMessage.topic(ENTERPRISE, SENSOR), new MqttMessage("{\"metrics\":".getBytes(StandardCharsets.UTF_8)));

        try (TopicReader<AlarmEvent> alarms = new TopicReader<>(bootstrap, topics.alarms(), AlarmEvent.class);
                TopicReader<Notification> ledger = new TopicReader<>(bootstrap, topics.notifications(), Notification.class);
                TopicReader<DeadLetter> deadLetters = new TopicReader<>(bootstrap, topics.deadLetter(), DeadLetter.class)) {
            List<AlarmEvent> episode = alarms.awaitValues(a -> a.size() >= 3, WAIT);
            assertThat(episode).extracting(AlarmEvent::state, AlarmEvent::level, AlarmEvent::value, AlarmEvent::threshold)
                    .containsExactly(
                            tuple(AlarmState.RAISED, 1, 31.0, 25.0),
                            tuple(AlarmState.ESCALATED, 2, 120.0, 100.0),
                            tuple(AlarmState.CLEARED, 2, 8.0, 20.0));
            assertThat(episode).extracting(AlarmEvent::alarmId).containsOnly(episode.get(0).alarmId());
            assertThat(episode).extracting(AlarmEvent::deviceId, AlarmEvent::enterpriseId)
                    .containsOnly(tuple(SENSOR, ENTERPRISE));

            List<Notification> sent = ledger.awaitValues(n -> n.size() >= 3, WAIT);
            assertThat(sent).extracting(Notification::alarmState, Notification::recipientId, Notification::result)
                    .containsExactlyInAnyOrder(
                            tuple(AlarmState.RAISED, "E-HN-NH3-01.safety", Notification.Result.SENT),
                            tuple(AlarmState.ESCALATED, "E-HN-NH3-01.safety", Notification.Result.SENT),
                            tuple(AlarmState.CLEARED, "E-HN-NH3-01.safety", Notification.Result.SENT));
            assertThat(sent).allSatisfy(n -> {
                assertThat(n.alarmId()).isEqualTo(episode.get(0).alarmId());
                assertThat(n.recipientMasked()).isEqualTo("138****0201");
            });
            assertThat(Files.readAllLines(dir.resolve("sms.log"))).hasSize(3)
                    .allSatisfy(line -> assertThat(line).contains("138****0201").doesNotContain("13800000201"));

            String foreign = "device " + SENSOR + " is registered to enterprise " + ENTERPRISE + ", not E-HN-COAL-01";
            List<DeadLetter> rejected = deadLetters.awaitValues(d -> d.stream().anyMatch(l -> l.source().equals("mqtt"))
                    && d.stream().filter(l -> l.reason().equals(foreign)).count() >= 2, WAIT);
            assertThat(rejected).filteredOn(d -> d.reason().equals(foreign)).hasSize(2)
                    .allSatisfy(d -> assertThat(d.source()).isEqualTo("jobs"));
            assertThat(rejected).filteredOn(d -> d.source().equals("mqtt")).singleElement().satisfies(d -> {
                assertThat(d.origin()).isEqualTo(TelemetryMessage.topic(ENTERPRISE, SENSOR));
                assertThat(new String(d.raw(), StandardCharsets.UTF_8)).isEqualTo("{\"metrics\":");
            });
        }

        Awaitility.await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            assertThat(influxValues("SELECT value FROM reading WHERE device = '" + SENSOR + "' AND value >= 30"))
                    .containsExactly(30.0, 31.0, 120.0, 60.0);
            assertThat(influxValues("SELECT value FROM alarm WHERE device = '" + SENSOR + "'"))
                    .containsExactly(31.0, 120.0, 8.0);
            assertThat(influxValues("SELECT count(alarm_id) FROM notification WHERE enterprise = '" + ENTERPRISE
                    + "' AND \"result\" = 'SENT' AND time > 0")).containsExactly(3.0);
            assertThat(influxValues("SELECT count(reason) FROM dead_letter WHERE source = 'mqtt' AND time > 0"))
                    .containsExactly(1.0);
        });
    }

    /** The registry and the readings race at the job's first start: publish safe readings until one is stored. */
    private void awaitTheJobKnowsTheSensor() {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            publish(5);
            return !influxValues("SELECT value FROM reading WHERE device = '" + SENSOR + "'").isEmpty();
        });
    }

    private void publish(double ppm) throws Exception {
        publish(ENTERPRISE, ppm);
    }

    private void publish(String enterprise, double ppm) throws Exception {
        clock += 1000;
        TelemetryMessage message = new TelemetryMessage(enterprise, SENSOR, clock, Quality.NORMAL, Map.of("NH3", ppm));
        MqttMessage mqtt = new MqttMessage(message.payload());
        mqtt.setQos(1);
        sensor.publish(message.topic(), mqtt);
    }

    private List<Double> influxValues(String query) {
        QueryResult result = influx.query(new Query(query + " ORDER BY time", influxDatabase));
        List<QueryResult.Series> series = result.getResults().get(0).getSeries();
        if (series == null) {
            return List.of();
        }
        return series.get(0).getValues().stream().map(row -> ((Number) row.get(1)).doubleValue()).toList();
    }

    private static Config config(Map<String, String> shared, Map<String, String> own) {
        Map<String, String> all = new java.util.HashMap<>(shared);
        all.putAll(own);
        return Config.of(all, Map.of());
    }
}
