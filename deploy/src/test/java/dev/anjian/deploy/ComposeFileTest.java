package dev.anjian.deploy;

import static dev.anjian.deploy.Yamls.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** deploy/compose/docker-compose.yml keeps its contract (ComposeChecks), and each check catches its breakage. */
class ComposeFileTest {

    private static final Path DIR = Repo.path("deploy/compose");
    private static final DocumentedKeys KEYS = DocumentedKeys.load();
    private static final String VERSION = Repo.projectVersion();

    private static Map<String, Object> compose() {
        return Repo.yaml(DIR.resolve("docker-compose.yml"));
    }

    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        return map(map(compose.get("services")).get(name));
    }

    private static List<String> problems(Map<String, Object> compose) {
        return ComposeChecks.check(compose, DIR, KEYS, VERSION);
    }

    @Test
    void theComposeFileKeepsItsContract() {
        assertThat(problems(compose())).isEmpty();
    }

    @Test
    void theWholeStackIsThere() {
        assertThat(map(compose().get("services"))).containsKeys("kafka", "kafka-init", "mosquitto", "influxdb",
                "grafana", "storage-setup", "registry-import", "jobmanager", "taskmanager", "flink-jobs", "ingest-1",
                "ingest-2", "alerting", "simulator");
    }

    @Test
    void theTwoBridgesShareOneSubscriptionWithDistinctClientIds() {
        Map<String, Object> compose = compose();
        Object first = map(service(compose, "ingest-1").get("environment")).get("ANJIAN_MQTT_CLIENT_ID");
        Object second = map(service(compose, "ingest-2").get("environment")).get("ANJIAN_MQTT_CLIENT_ID");
        assertThat(first).isNotNull().isNotEqualTo(second);
        assertThat(second).isNotNull();
        assertThat(map(service(compose, "ingest-2").get("environment"))).doesNotContainKey("ANJIAN_MQTT_SHARE_GROUP");
    }

    @Test
    void aPortPublishedOnEveryInterfaceIsCaught() {
        Map<String, Object> compose = compose();
        service(compose, "alerting").put("ports", List.of("8090:8090"));
        assertThat(problems(compose)).anyMatch(p -> p.startsWith("alerting: port 8090:8090 is published on every interface"));
    }

    @Test
    void anUnpinnedImageIsCaught() {
        Map<String, Object> compose = compose();
        service(compose, "grafana").put("image", "grafana/grafana:latest");
        service(compose, "influxdb").put("image", "influxdb");
        service(compose, "alerting").put("image", "anjian/anjian:0.0.9");
        assertThat(problems(compose)).anyMatch(p -> p.startsWith("grafana: image grafana/grafana:latest is not pinned"))
                .anyMatch(p -> p.startsWith("influxdb: image influxdb has no tag"))
                .anyMatch(p -> p.startsWith("alerting: image anjian/anjian:0.0.9 is ours"));
    }

    @Test
    void anUndocumentedVariableIsCaught() {
        Map<String, Object> compose = compose();
        map(service(compose, "alerting").get("environment")).put("ANJIAN_SMS_PROVDER", "smpp");
        assertThat(problems(compose)).anyMatch(p -> p.startsWith("alerting: environment: ANJIAN_SMS_PROVDER is no documented"));
    }

    @Test
    void aDependencyThatCannotBeMetIsCaught() {
        Map<String, Object> compose = compose();
        map(service(compose, "alerting").get("depends_on")).put("kafka2", Map.of("condition", "service_started"));
        map(service(compose, "grafana").get("depends_on")).put("kafka-init", Map.of("condition", "service_healthy"));
        map(service(compose, "storage-setup").get("depends_on")).put("kafka", Map.of("condition", "service_completed_successfully"));
        assertThat(problems(compose)).contains("alerting: depends on 'kafka2', which is no service",
                "grafana: waits for 'kafka-init' to be healthy, but it has no healthcheck",
                "storage-setup: waits for 'kafka' to complete, but it restarts (restart: \"no\" for one-shots)");
    }

    @Test
    void aMountOrConfigFileThatDoesNotExistIsCaught() {
        Map<String, Object> compose = compose();
        List<Object> volumes = new ArrayList<>(Yamls.list(service(compose, "grafana").get("volumes")));
        volumes.add("../../dashboards/jsn:/etc/grafana/more:ro");
        service(compose, "grafana").put("volumes", volumes);
        map(service(compose, "alerting").get("environment")).put("ANJIAN_ALERTING_ROUTING_FILE", "/etc/anjian/routing.yml");
        assertThat(problems(compose)).anyMatch(p -> p.startsWith("grafana: mounts ../../dashboards/jsn, which does not exist"))
                .anyMatch(p -> p.startsWith("alerting: /etc/anjian/routing.yml is not in the mounted ../../config"));
    }

    @Test
    void aContainerPortAnjianDoesNotListenOnIsCaught() {
        Map<String, Object> compose = compose();
        service(compose, "ingest-2").put("ports", List.of("127.0.0.1:7809:7809"));
        assertThat(problems(compose)).anyMatch(p -> p.startsWith("ingest-2: publishes container port 7809, but anjian listens on"));
    }

    @Test
    void aTopicMissingFromTheInitIsCaught() {
        Map<String, Object> compose = compose();
        String script = Yamls.strings(service(compose, "kafka-init").get("command")).get(0);
        service(compose, "kafka-init").put("command", List.of(script.replace(" dead-letter;", ";")));
        assertThat(problems(compose)).anyMatch(p -> p.startsWith("kafka-init: creates topics [device-events"));
    }
}
