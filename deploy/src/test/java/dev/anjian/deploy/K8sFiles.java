package dev.anjian.deploy;

import static dev.anjian.deploy.Yamls.list;
import static dev.anjian.deploy.Yamls.map;
import static dev.anjian.deploy.Yamls.string;
import static dev.anjian.deploy.Yamls.strings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * deploy/k8s as kustomize sees it: the manifests listed in kustomization.yaml and the ConfigMaps its
 * generators make (name -> keys: the variables of an envs file, the file names of files). Problems of the
 * kustomization itself (a listed file missing, a manifest not listed, a generator source missing) are kept.
 */
record K8sFiles(Path dir, List<Map<String, Object>> documents, Map<String, Set<String>> generated, List<String> problems) {

    static K8sFiles load(Path dir) {
        Map<String, Object> kustomization = Repo.yaml(dir.resolve("kustomization.yaml"));
        return from(dir, kustomization, manifests(dir));
    }

    /** The manifests of {@code dir}: every YAML document of every *.yaml file but kustomization.yaml. */
    static Map<String, List<Map<String, Object>>> manifests(Path dir) {
        Map<String, List<Map<String, Object>>> files = new LinkedHashMap<>();
        for (Path file : Repo.files(dir, ".yaml", ".yml")) {
            if (!file.getFileName().toString().startsWith("kustomization.")) {
                files.put(file.getFileName().toString(), Repo.yamlDocuments(file).stream().map(Yamls::map).toList());
            }
        }
        return files;
    }

    static K8sFiles from(Path dir, Map<String, Object> kustomization, Map<String, List<Map<String, Object>>> manifests) {
        List<String> problems = new ArrayList<>();
        List<String> resources = strings(kustomization.get("resources"));
        for (String resource : resources) {
            if (!manifests.containsKey(resource)) {
                problems.add("kustomization.yaml: resource " + resource + " is no manifest in " + dir);
            }
        }
        manifests.keySet().stream().filter(f -> !resources.contains(f))
                .forEach(f -> problems.add("kustomization.yaml: " + f + " is not listed in resources (never applied)"));
        Map<String, Set<String>> generated = new LinkedHashMap<>();
        for (Object generator : list(kustomization.get("configMapGenerator"))) {
            Map<String, Object> g = map(generator);
            Set<String> keys = new TreeSet<>();
            for (String envs : strings(g.get("envs"))) {
                Path file = dir.resolve(envs).normalize();
                if (!Files.isRegularFile(file)) {
                    problems.add("kustomization.yaml: envs file " + envs + " does not exist");
                    continue;
                }
                for (String line : Repo.read(file).split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                        keys.add(line.substring(0, line.indexOf('=')).trim());
                    }
                }
            }
            for (String source : strings(g.get("files"))) {
                String path = source.contains("=") ? source.substring(source.indexOf('=') + 1) : source;
                if (!Files.isRegularFile(dir.resolve(path).normalize())) {
                    problems.add("kustomization.yaml: file " + path + " of ConfigMap " + g.get("name") + " does not exist");
                }
                keys.add(source.contains("=") ? source.substring(0, source.indexOf('=')) : Path.of(path).getFileName().toString());
            }
            generated.put(string(g.get("name")), keys);
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        resources.stream().filter(manifests::containsKey).forEach(r -> documents.addAll(manifests.get(r)));
        return new K8sFiles(dir, documents, generated, problems);
    }

    /** The keys of a ConfigMap (generated or a manifest) or Secret named {@code name}, or null if none exists. */
    Set<String> keysOf(String kind, String name) {
        if (kind.equals("ConfigMap") && generated.containsKey(name)) {
            return generated.get(name);
        }
        for (Map<String, Object> doc : documents) {
            if (kind.equals(doc.get("kind")) && name.equals(Yamls.at(doc, "metadata", "name"))) {
                Set<String> keys = new TreeSet<>(map(doc.get("data")).keySet());
                keys.addAll(map(doc.get("stringData")).keySet());
                return keys;
            }
        }
        return null;
    }

    boolean exists(String kind, String name) {
        return documents.stream().anyMatch(d -> kind.equals(d.get("kind")) && name.equals(Yamls.at(d, "metadata", "name")));
    }
}
