package dev.anjian.deploy;

import static dev.anjian.deploy.Yamls.at;
import static dev.anjian.deploy.Yamls.list;
import static dev.anjian.deploy.Yamls.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** deploy/k8s keeps its contract (KubernetesChecks, FlinkDeploymentChecks), and each check catches its breakage. */
class KubernetesManifestsTest {

    private static final Path DIR = Repo.path("deploy/k8s");
    private static final DocumentedKeys KEYS = DocumentedKeys.load();
    private static final String VERSION = Repo.projectVersion();

    private static List<String> problems(K8sFiles files) {
        return KubernetesChecks.check(files, KEYS, VERSION);
    }

    private static Map<String, Object> doc(K8sFiles files, String kind, String name) {
        return files.documents().stream().filter(d -> kind.equals(d.get("kind")) && name.equals(at(d, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    private static Map<String, Object> container(Map<String, Object> workload) {
        return map(list(at(workload, "spec", "template", "spec", "containers")).get(0));
    }

    @Test
    void theManifestsKeepTheirContract() {
        assertThat(problems(K8sFiles.load(DIR))).isEmpty();
    }

    @Test
    void everyPartIsThere() {
        K8sFiles files = K8sFiles.load(DIR);
        doc(files, "Namespace", "anjian");
        doc(files, "StatefulSet", "anjian-ingest");
        doc(files, "Service", "anjian-jt808");
        doc(files, "PodDisruptionBudget", "anjian-ingest");
        doc(files, "Deployment", "anjian-alerting");
        doc(files, "PodDisruptionBudget", "anjian-alerting");
        doc(files, "FlinkDeployment", "anjian-monitoring");
        doc(files, "FlinkDeployment", "anjian-onlinerate");
        doc(files, "Job", "anjian-kafka-topics");
        assertThat(files.generated()).containsKeys("anjian-env", "anjian-config", "anjian-registry");
    }

    @Test
    void eachBridgeTakesItsStableClientIdFromItsPodName() {
        Map<String, Object> ingest = doc(K8sFiles.load(DIR), "StatefulSet", "anjian-ingest");
        Map<String, Object> clientId = list(container(ingest).get("env")).stream().map(Yamls::map)
                .filter(e -> "ANJIAN_MQTT_CLIENT_ID".equals(e.get("name"))).findFirst().orElseThrow();
        assertThat(at(clientId, "valueFrom", "fieldRef", "fieldPath")).isEqualTo("metadata.name");
    }

    @Test
    void anUndocumentedVariableOrAMissingReferenceIsCaught() {
        K8sFiles files = K8sFiles.load(DIR);
        Map<String, Object> alerting = container(doc(files, "Deployment", "anjian-alerting"));
        List<Object> env = new ArrayList<>(list(alerting.get("env")));
        env.add(Map.of("name", "ANJIAN_API_PROT", "value", "8090"));
        alerting.put("env", env);
        map(map(list(alerting.get("envFrom")).get(2)).get("secretRef")).put("name", "anjian-smss");
        alerting.put("args", List.of("alerting", "--config", "/etc/anjian/alerting.propertes"));
        assertThat(problems(files)).anyMatch(p -> p.contains("ANJIAN_API_PROT is no documented config key"))
                .anyMatch(p -> p.contains("envFrom names Secret anjian-smss, which does not exist"))
                .anyMatch(p -> p.contains("/etc/anjian/alerting.propertes is no file of ConfigMap anjian-config"));
    }

    @Test
    void anUnpinnedImageOrAPortAnjianDoesNotListenOnIsCaught() {
        K8sFiles files = K8sFiles.load(DIR);
        Map<String, Object> ingest = container(doc(files, "StatefulSet", "anjian-ingest"));
        map(list(ingest.get("ports")).get(0)).put("containerPort", 7080);
        container(doc(files, "Job", "anjian-kafka-topics")).put("image", "apache/kafka:latest");
        assertThat(problems(files)).anyMatch(p -> p.contains("containerPort 7080, but anjian listens on"))
                .anyMatch(p -> p.contains("image apache/kafka:latest is not pinned"));
    }

    @Test
    void aServiceSelectingNoPodIsCaught() {
        K8sFiles files = K8sFiles.load(DIR);
        map(at(doc(files, "Service", "anjian-jt808"), "spec", "selector")).put("app.kubernetes.io/name", "anjian-ingset");
        assertThat(problems(files)).contains("Service/anjian-jt808: selector {app.kubernetes.io/name=anjian-ingset} matches no pod of any workload");
    }

    @Test
    void aManifestMissingFromTheKustomizationIsCaught() {
        Map<String, Object> kustomization = Repo.yaml(DIR.resolve("kustomization.yaml"));
        kustomization.put("resources", Yamls.strings(kustomization.get("resources")).stream()
                .filter(r -> !r.equals("alerting.yaml")).toList());
        K8sFiles files = K8sFiles.from(DIR, kustomization, K8sFiles.manifests(DIR));
        assertThat(problems(files)).contains("kustomization.yaml: alerting.yaml is not listed in resources (never applied)");
    }

    @Test
    void aFlinkDeploymentTheOperatorOrTheJobCannotRunIsCaught() {
        K8sFiles files = K8sFiles.load(DIR);
        Map<String, Object> spec = map(doc(files, "FlinkDeployment", "anjian-monitoring").get("spec"));
        spec.put("flinkVersion", "v1_20");
        map(spec.get("job")).put("jarURI", "local:///opt/flink/usrlib/jobs.jar");
        map(spec.get("job")).put("entryClass", "dev.anjian.jobs.MonitoringJobs");
        map(spec.get("job")).put("parallelism", 4);
        map(spec.get("flinkConfiguration")).remove("execution.checkpointing.savepoint-dir");
        map(spec.get("flinkConfiguration")).remove("high-availability.type");
        map(spec.get("flinkConfiguration")).put("execution.checkpointing.dir", "file:///tmp/checkpoints");
        assertThat(problems(files)).allMatch(p -> p.startsWith("FlinkDeployment/anjian-monitoring: ")).hasSize(7)
                .anyMatch(p -> p.contains("flinkVersion v1_20, but the jobs are built against Flink"))
                .anyMatch(p -> p.contains("job.jarURI local:///opt/flink/usrlib/jobs.jar, but the image has the jar"))
                .anyMatch(p -> p.contains("job.entryClass dev.anjian.jobs.MonitoringJobs is no class with a main"))
                .anyMatch(p -> p.contains("job.parallelism 4 but the job's own --set parallelism is 2"))
                .anyMatch(p -> p.contains("upgradeMode savepoint without execution.checkpointing.savepoint-dir"))
                .anyMatch(p -> p.contains("no Kubernetes HA"))
                .anyMatch(p -> p.contains("execution.checkpointing.dir file:///tmp/checkpoints is on no mounted volume"));
    }
}
