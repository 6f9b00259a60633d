package dev.anjian.jobs.onlinerate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.common.Config;
import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.common.testing.ItServices;
import dev.anjian.common.testing.TestTopics;
import dev.anjian.common.testing.TopicReader;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.DeviceStatus;
import dev.anjian.events.EventJson;
import dev.anjian.events.Industry;
import dev.anjian.events.OnlineRate;
import dev.anjian.events.Topics;
import dev.anjian.events.VehicleInfo;
import dev.anjian.jobs.testing.InfluxQueries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@code new OnlineRateJob(settings).start()} on a MiniCluster with the real Kafka and InfluxDB. Yesterday
 * (local) is history written before the start, with the registry records' Kafka timestamps set to their
 * registration times; hand-computed for scope REGION_VEHICLE_CLASS:410100/DANGEROUS_GOODS:
 * <pre>
 * DG-1  registered 00:00, ONLINE 06:00 - 18:00      86400 registered s, 43200 online s, reported
 * DG-2  registered 12:00, never seen                43200 registered s,     0 online s
 * DG-3  registered 00:00, ONLINE 00:00, still       86400 registered s, 86400 online s, reported
 * </pre>
 */
class OnlineRateJobIT {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String FLEET = "REGION_VEHICLE_CLASS:410100/DANGEROUS_GOODS";

    @Test
    void computesYesterdaysCompleteFiguresAndTodaysLiveOnesIntoKafkaAndInfluxDb() throws Exception {
        String bootstrap = ItServices.kafkaBootstrap();
        Topics topics = TestTopics.create(bootstrap, 2);
        Path runDir = Path.of("target", "it-onlinerate", UUID.randomUUID().toString()).toAbsolutePath();
        LocalDate yesterday = LocalDate.now(CHINA).minusDays(1);
        long start = yesterday.atStartOfDay(CHINA).toInstant().toEpochMilli();
        long hour = 3_600_000L;
        try (InfluxQueries influx = InfluxQueries.uniqueDatabase(ItServices.influxUrl());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(bootstrap, "rate-it"));
             TopicReader<OnlineRate> rates = new TopicReader<>(bootstrap, topics.onlineRates(), OnlineRate.class);
             TopicReader<DeadLetter> dead = new TopicReader<>(bootstrap, topics.deadLetter(), DeadLetter.class)) {
            register(producer, topics, "DG-1", start);
            register(producer, topics, "DG-2", start + 12 * hour);
            register(producer, topics, "DG-3", start);
            status(producer, topics, "DG-1", DeviceStatus.Status.ONLINE, start + 6 * hour);
            status(producer, topics, "DG-1", DeviceStatus.Status.OFFLINE, start + 18 * hour);
            status(producer, topics, "DG-3", DeviceStatus.Status.ONLINE, start);
            producer.send(new ProducerRecord<>(topics.deviceStatus(), "DG-9",
                    "{\"deviceId\":\"DG-9\"}".getBytes(StandardCharsets.UTF_8))).get();

            OnlineRateSettings settings = OnlineRateSettings.from(Config.of(Map.of(
                    "kafka.bootstrap", bootstrap,
                    "topic.prefix", topics.prefix(),
                    "onlinerate.checkpoint.interval", "500ms",
                    "onlinerate.checkpoint.dir", runDir.resolve("checkpoints").toString(),
                    "onlinerate.flink.tmp-dir", runDir.resolve("tmp").toString(),
                    "onlinerate.emit-interval", "1s",
                    "onlinerate.day-close-delay", "2s",
                    "influx.url", ItServices.influxUrl(),
                    "influx.database", influx.database()), Map.of()));
            try (OnlineRateJob job = new OnlineRateJob(settings)) {
                job.start();
                assertThatThrownBy(job::start).isInstanceOf(IllegalStateException.class);

                List<OnlineRate> seen = rates.awaitValues(values -> values.stream().anyMatch(
                        r -> r.key().equals(FLEET) && r.windowStart() == start && r.windowEnd() == start + 24 * hour)
                        // Today's figures are re-emitted every second while statuses are still being read: wait
                        // for the one that has seen DG-3 (ONLINE since yesterday) rather than take the first.
                        && values.stream().anyMatch(r -> r.key().equals(FLEET) && r.windowStart() == start + 24 * hour
                                && r.onlineNow() == 1),
                        PATIENCE);
                OnlineRate day = seen.stream().filter(r -> r.key().equals(FLEET) && r.windowStart() == start
                        && r.windowEnd() == start + 24 * hour).findFirst().orElseThrow();
                assertThat(day).isEqualTo(new OnlineRate("REGION_VEHICLE_CLASS", "410100/DANGEROUS_GOODS", start,
                        start + 24 * hour, 3, 1, 2, 129_600.0 / 216_000, 2.0 / 3));
                OnlineRate today = seen.stream().filter(r -> r.key().equals(FLEET) && r.windowStart() == start + 24 * hour
                        && r.onlineNow() == 1).findFirst().orElseThrow();
                assertThat(today.registered()).isEqualTo(3);
                assertThat(today.onlineNow()).as("DG-3 is still online").isEqualTo(1);
                assertThat(today.reported()).as("DG-3, online since yesterday, reported today at midnight or later")
                        .isBetween(0, 1);

                List<DeadLetter> letters = dead.awaitValues(values -> !values.isEmpty(), PATIENCE);
                assertThat(letters.get(0).source()).isEqualTo("onlinerate");
                assertThat(letters.get(0).reason()).contains("DeviceStatus");

                String query = "SELECT online, total, rate, registered, reported, online_seconds, registered_seconds,"
                        + " complete FROM online_rate WHERE \"window\"='day' AND scope_type='REGION_VEHICLE_CLASS'"
                        + " AND scope='410100/DANGEROUS_GOODS' AND time = " + start + "ms";
                Awaitility.await().atMost(PATIENCE).untilAsserted(() -> assertThat(influx.rows(query))
                        .singleElement().satisfies(row -> {
                            assertThat(row).containsEntry("online_seconds", 129_600.0)
                                    .containsEntry("registered_seconds", 216_000.0).containsEntry("complete", true)
                                    .containsEntry("registered", 3.0).containsEntry("reported", 2.0)
                                    .containsEntry("online", 1.0).containsEntry("total", 3.0);
                            assertThat((Double) row.get("rate")).isEqualTo(0.6);
                        }));
                Awaitility.await().atMost(PATIENCE).until(() -> !influx.rows(
                        "SELECT online, total FROM online_rate WHERE \"window\"='minute' AND scope='all'").isEmpty());
            }
        }
    }

    private static void register(KafkaProducer<String, byte[]> producer, Topics topics, String id, long at)
            throws Exception {
        Device truck = new Device(id, DeviceKind.VEHICLE_TERMINAL, "E-ZZ-DG", "郑州某危货运输公司", "410100",
                Industry.ROAD_TRANSPORT, "", 180, List.of(),
                new VehicleInfo("豫A·D" + id.substring(3), 2, VehicleInfo.VehicleClass.DANGEROUS_GOODS, "01380000000"
                        + id.substring(3), 80));
        producer.send(new ProducerRecord<>(topics.deviceRegistry(), null, at, id, EventJson.write(truck))).get();
    }

    private static void status(KafkaProducer<String, byte[]> producer, Topics topics, String id,
            DeviceStatus.Status status, long since) throws Exception {
        DeviceStatus transition = new DeviceStatus(id, status, since, "", "E-ZZ-DG", "410100",
                Industry.ROAD_TRANSPORT, DeviceKind.VEHICLE_TERMINAL);
        producer.send(new ProducerRecord<>(topics.deviceStatus(), id, EventJson.write(transition))).get();
    }
}
