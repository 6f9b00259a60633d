package dev.anjian.deploy;

import static dev.anjian.deploy.Yamls.at;
import static dev.anjian.deploy.Yamls.list;
import static dev.anjian.deploy.Yamls.map;
import static dev.anjian.deploy.Yamls.string;
import static dev.anjian.deploy.Yamls.strings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contract of deploy/k8s with the repository and with itself, beyond the schemas (KubernetesSchemas):
 * every document named, pinned images, documented ANJIAN_* variables (also the keys of the ConfigMaps and
 * Secrets a container takes with envFrom), references to ConfigMaps, Secrets, claims and volumes that exist,
 * mounted config files that exist, anjian's ports at their config defaults, Services and disruption budgets
 * that select pods, the same topics as the local stack, and the FlinkDeployments (FlinkDeploymentChecks).
 */
final class KubernetesChecks {

    private final K8sFiles files;
    private final DocumentedKeys keys;
    private final String version;
    private final List<String> problems = new ArrayList<>();

    private KubernetesChecks(K8sFiles files, DocumentedKeys keys, String version) {
        this.files = files;
        this.keys = keys;
        this.version = version;
    }

    static List<String> check(K8sFiles files, DocumentedKeys keys, String version) {
        KubernetesChecks checks = new KubernetesChecks(files, keys, version);
        checks.problems.addAll(files.problems());
        for (Map<String, Object> doc : files.documents()) {
            checks.document(doc);
        }
        return checks.problems;
    }

    private void document(Map<String, Object> doc) {
        String kind = string(doc.get("kind"));
        String name = string(at(doc, "metadata", "name"));
        String where = kind + "/" + name;
        if (doc.get("apiVersion") == null || kind == null || name == null) {
            problems.add(where + ": every document needs apiVersion, kind and metadata.name");
            return;
        }
        Object namespace = at(doc, "metadata", "namespace");
        if (namespace != null && !"anjian".equals(namespace)) {
            problems.add(where + ": namespace " + namespace + " (kustomization.yaml puts everything in anjian)");
        }
        PodTemplates.of(doc).ifPresent(pod -> pod(where, pod));
        switch (kind) {
            case "Service" -> selects(where, map(at(doc, "spec", "selector")), map(at(doc, "spec")));
            case "PodDisruptionBudget" -> selects(where, map(at(doc, "spec", "selector", "matchLabels")), Map.of());
            case "FlinkDeployment" -> problems.addAll(FlinkDeploymentChecks.check(where, doc, version, keys));
            case "Job" -> {
                if (name.contains("topics")) {
                    TopicSpecs.problems(String.join("\n", containerScript(doc))).forEach(p -> problems.add(where + ": " + p));
                }
            }
            default -> { }
        }
    }

    private static List<String> containerScript(Map<String, Object> doc) {
        List<String> lines = new ArrayList<>();
        for (Object c : list(at(PodTemplates.of(doc).orElseThrow().spec(), "containers"))) {
            lines.addAll(strings(map(c).get("command")));
            lines.addAll(strings(map(c).get("args")));
        }
        return lines;
    }

    private void pod(String where, PodTemplates.Pod pod) {
        Map<String, Object> volumes = new LinkedHashMap<>();
        for (Object v : list(pod.spec().get("volumes"))) {
            Map<String, Object> volume = map(v);
            volumes.put(string(volume.get("name")), volume);
            String configMap = string(at(volume, "configMap", "name"));
            if (configMap != null && files.keysOf("ConfigMap", configMap) == null) {
                problems.add(where + ": volume " + volume.get("name") + " names ConfigMap " + configMap + ", which does not exist");
            }
            String claim = string(at(volume, "persistentVolumeClaim", "claimName"));
            if (claim != null && !files.exists("PersistentVolumeClaim", claim)) {
                problems.add(where + ": volume " + volume.get("name") + " names claim " + claim + ", which does not exist");
            }
        }
        for (Object c : list(pod.spec().get("containers"))) {
            container(where, map(c), pod.defaultImage(), volumes);
        }
    }

    private void container(String where, Map<String, Object> container, String defaultImage, Map<String, Object> volumes) {
        String at = where + " container " + container.get("name");
        String image = container.get("image") != null ? string(container.get("image")) : defaultImage;
        add(at, ImageRefs.problem(image, version));
        Map<String, String> env = new LinkedHashMap<>();
        for (Object e : list(container.get("env"))) {
            env.put(string(map(e).get("name")), string(map(e).get("value")));
        }
        for (Object from : list(container.get("envFrom"))) {
            envFrom(at, map(from), env);
        }
        env.keySet().forEach(variable -> add(at, keys.problem(variable, "env")));
        Map<String, String> mounted = new LinkedHashMap<>(); // mount path -> ConfigMap name
        for (Object m : list(container.get("volumeMounts"))) {
            Map<String, Object> mount = map(m);
            Map<String, Object> volume = map(volumes.get(string(mount.get("name"))));
            if (volume.isEmpty()) {
                problems.add(at + ": mounts volume " + mount.get("name") + ", which the pod does not have");
            } else if (at(volume, "configMap", "name") != null) {
                mounted.put(string(mount.get("mountPath")), string(at(volume, "configMap", "name")));
            }
        }
        List<String> values = new ArrayList<>(strings(container.get("args")));
        env.values().stream().filter(v -> v != null).forEach(values::add);
        values.forEach(value -> mountedFile(at, value, mounted));
        Set<String> portNames = new java.util.TreeSet<>();
        List<String> ports = new ArrayList<>();
        for (Object p : list(container.get("ports"))) {
            portNames.add(string(map(p).get("name")));
            ports.add(string(map(p).get("containerPort")));
        }
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            Object port = at(container, probe, "tcpSocket", "port") != null ? at(container, probe, "tcpSocket", "port")
                    : at(container, probe, "httpGet", "port");
            if (port instanceof String named && !portNames.contains(named)) {
                problems.add(at + ": " + probe + " uses port '" + named + "', which the container does not declare");
            }
        }
        if (image != null && image.startsWith("anjian/anjian:")) {
            Set<String> listening = AnjianPorts.effective(keys, env::get);
            ports.stream().filter(p -> !listening.contains(p)).forEach(p -> problems.add(at + ": containerPort " + p
                    + ", but anjian listens on " + listening + " (config defaults or ANJIAN_*_PORT overrides)"));
        }
    }

    private void envFrom(String at, Map<String, Object> from, Map<String, String> env) {
        for (String kind : List.of("ConfigMap", "Secret")) {
            String ref = string(at(from, kind.equals("ConfigMap") ? "configMapRef" : "secretRef", "name"));
            if (ref == null) {
                continue;
            }
            Set<String> refKeys = files.keysOf(kind, ref);
            if (refKeys == null) {
                problems.add(at + ": envFrom names " + kind + " " + ref + ", which does not exist");
            } else {
                refKeys.forEach(k -> env.putIfAbsent(k, null));
            }
        }
    }

    /** /etc/anjian/jobs.properties, with anjian-config mounted at /etc/anjian, must be a key of anjian-config. */
    private void mountedFile(String at, String value, Map<String, String> mounted) {
        mounted.forEach((path, configMap) -> {
            if (value.startsWith(path + "/")) {
                String key = value.substring(path.length() + 1);
                Set<String> present = files.keysOf("ConfigMap", configMap);
                if (present != null && !present.contains(key)) {
                    problems.add(at + ": " + value + " is no file of ConfigMap " + configMap + " (it has " + present + ")");
                }
            }
        });
    }

    /** A selector must match the pod labels of some workload; a Service's named targetPorts must exist there. */
    private void selects(String where, Map<String, Object> selector, Map<String, Object> serviceSpec) {
        if (selector.isEmpty()) {
            problems.add(where + ": no selector");
            return;
        }
        List<PodTemplates.Pod> matching = files.documents().stream().map(PodTemplates::of).flatMap(java.util.Optional::stream)
                .filter(p -> p.labels().entrySet().containsAll(selector.entrySet())).toList();
        if (matching.isEmpty()) {
            problems.add(where + ": selector " + selector + " matches no pod of any workload");
            return;
        }
        for (Object p : list(serviceSpec.get("ports"))) {
            if (map(p).get("targetPort") instanceof String named && matching.stream().noneMatch(pod -> pod.portNames().contains(named))) {
                problems.add(where + ": targetPort '" + named + "' is no named port of the selected pods");
            }
        }
    }

    private void add(String where, String problem) {
        if (problem != null) {
            problems.add(where + ": " + problem);
        }
    }
}
