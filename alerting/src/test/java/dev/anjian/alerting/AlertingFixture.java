package dev.anjian.alerting;

import dev.anjian.alerting.api.ApiTokens;
import dev.anjian.common.Config;
import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.common.testing.ItServices;
import dev.anjian.common.testing.TestTopics;
import dev.anjian.common.testing.TopicReader;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.EventJson;
import dev.anjian.events.Notification;
import dev.anjian.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What an alerting integration test needs: fresh topics on the real Kafka, a routing file and a tokens
 * file in a temp dir, a producer for alarms, a reader of the ledger, and settings built through the real
 * {@link AlertingSettings#from} path with short durations and no API unless asked.
 */
final class AlertingFixture implements AutoCloseable {

    static final String ROUTING = """
            enterprises:
              E-HN-COAL-01:
                - {id: E-HN-COAL-01.safety, name: 王建国, phone: "13800000101", tier: 1}
                - {id: E-HN-COAL-01.dispatch, name: 调度室, phone: "13800000102", tier: 1}
                - {id: E-HN-COAL-01.head, name: 李明, phone: "13800000103", tier: 2}
              E-HN-NH3-01:
                - {id: E-HN-NH3-01.safety, name: 张伟, phone: "13900000201", tier: 1}
            regulators:
              "410400":
                - {id: R-410400.duty, name: 市应急局值班室, phone: "13900004101"}
            """;
    static final String CENTRE_TOKEN = "centre-token-1";
    static final String COAL_TOKEN = "coal-token-1";
    static final String NH3_TOKEN = "nh3-token-1";

    final String bootstrap = ItServices.kafkaBootstrap();
    final Topics topics;
    final String group;
    final Path dir;
    final Path routingFile;
    final Path tokensFile;
    final KafkaProducer<String, byte[]> producer;
    final TopicReader<Notification> ledger;

    AlertingFixture(Path dir) throws IOException {
        this.dir = dir;
        this.topics = TestTopics.create(bootstrap, 2);
        this.group = topics.prefix() + "alerting";
        this.routingFile = Files.writeString(dir.resolve("routing.yaml"), ROUTING, StandardCharsets.UTF_8);
        this.tokensFile = Files.writeString(dir.resolve("api-tokens.yaml"), """
                tokens:
                  - {name: centre, sha256: %s, role: CENTRE}
                  - {name: coal, sha256: %s, role: ENTERPRISE, enterprise: E-HN-COAL-01}
                  - {name: nh3, sha256: %s, role: ENTERPRISE, enterprise: E-HN-NH3-01}
                """.formatted(ApiTokens.sha256(CENTRE_TOKEN), ApiTokens.sha256(COAL_TOKEN), ApiTokens.sha256(NH3_TOKEN)),
                StandardCharsets.UTF_8);
        this.producer = new KafkaProducer<>(KafkaClients.producer(bootstrap, group + "-test"));
        this.ledger = new TopicReader<>(bootstrap, topics.notifications(), Notification.class);
    }

    /** Settings for a test: log provider, no grouping, no escalation, no API, no InfluxDB; {@code overrides} win. */
    AlertingSettings settings(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of(
                "kafka.bootstrap", bootstrap,
                "topic.prefix", topics.prefix(),
                "alerting.group-id", group,
                "alerting.routing-file", routingFile.toString(),
                "sms.log-file", dir.resolve("var/sms.log").toString(),
                "sms.retry-backoff", "50ms",
                "sms.retry-backoff-max", "400ms",
                "api.enabled", "false",
                "api.tokens-file", tokensFile.toString()));
        values.putAll(Map.of("alerting.storm-window", "0s", "alerting.escalation-tier2-after", "0s",
                "alerting.escalation-tier3-after", "0s", "api.port", "0", "influx.enabled", "false"));
        values.putAll(overrides);
        return AlertingSettings.from(Config.of(values, Map.of()));
    }

    AlertingService start(AlertingSettings settings, Clock clock) {
        AlertingService service = new AlertingService(settings, clock);
        service.start();
        return service;
    }

    void produce(AlarmEvent... alarms) throws InterruptedException, ExecutionException {
        for (AlarmEvent alarm : alarms) {
            producer.send(new ProducerRecord<>(topics.alarms(), alarm.alarmId(), EventJson.write(alarm))).get();
        }
    }

    void awaitAllHandled() {
        GroupProgress.awaitCommittedToEnd(bootstrap, group, topics.alarms());
    }

    @Override
    public void close() {
        ledger.close();
        producer.close();
    }
}
