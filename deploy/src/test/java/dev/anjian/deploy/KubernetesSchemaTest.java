package dev.anjian.deploy;

import static dev.anjian.deploy.Yamls.at;
import static dev.anjian.deploy.Yamls.list;
import static dev.anjian.deploy.Yamls.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every manifest of deploy/k8s passes strict schema validation (KubernetesSchemas), which catches misspelt fields. */
class KubernetesSchemaTest {

    private static final K8sFiles FILES = K8sFiles.load(Repo.path("deploy/k8s"));

    private static Map<String, Object> fresh(String kind, String name) {
        return K8sFiles.load(Repo.path("deploy/k8s")).documents().stream()
                .filter(d -> kind.equals(d.get("kind")) && name.equals(at(d, "metadata", "name"))).findFirst().orElseThrow();
    }

    @Test
    void everyManifestIsValid() {
        assertThat(FILES.documents()).hasSizeGreaterThan(10);
        for (Map<String, Object> doc : FILES.documents()) {
            assertThat(KubernetesSchemas.problems(doc)).as(doc.get("kind") + "/" + at(doc, "metadata", "name")).isEmpty();
        }
    }

    @Test
    void aMisspeltFieldOfACoreKindIsCaught() {
        Map<String, Object> alerting = fresh("Deployment", "anjian-alerting");
        map(alerting.get("spec")).put("replica", 3);
        assertThat(KubernetesSchemas.problems(alerting)).singleElement().asString()
                .contains("Deployment/anjian-alerting").contains("`replica`");
        Map<String, Object> ingest = fresh("StatefulSet", "anjian-ingest");
        map(list(at(ingest, "spec", "template", "spec", "containers")).get(0)).put("imagePullPolice", "Always");
        assertThat(KubernetesSchemas.problems(ingest)).singleElement().asString().contains("`imagePullPolice`");
    }

    @Test
    void aFlinkDeploymentTheOperatorWouldRejectOrPruneIsCaught() {
        Map<String, Object> monitoring = fresh("FlinkDeployment", "anjian-monitoring");
        map(monitoring.get("spec")).put("flinkVersion", "v3_0");
        map(at(monitoring, "spec", "job")).put("jarUri", "local:///opt/flink/usrlib/anjian-jobs.jar");
        map(at(monitoring, "spec", "job")).put("upgradeMode", "snapshot");
        List<String> problems = KubernetesSchemas.problems(monitoring);
        assertThat(problems).anyMatch(p -> p.contains("flinkVersion"))
                .anyMatch(p -> p.contains("jarUri"))
                .anyMatch(p -> p.contains("upgradeMode"));
        Map<String, Object> onlinerate = fresh("FlinkDeployment", "anjian-onlinerate");
        Map<String, Object> container = map(list(at(onlinerate, "spec", "podTemplate", "spec", "containers")).get(0));
        container.put("volumeMount", container.remove("volumeMounts"));
        assertThat(KubernetesSchemas.problems(onlinerate)).isNotEmpty().allMatch(p -> p.contains("volumeMount"));
    }
}
