package dev.anjian.deploy;

import static dev.anjian.deploy.Yamls.at;
import static dev.anjian.deploy.Yamls.list;
import static dev.anjian.deploy.Yamls.map;
import static dev.anjian.deploy.Yamls.string;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The pod a workload runs: Deployment, StatefulSet and Job templates, and a FlinkDeployment's podTemplate. */
final class PodTemplates {

    /** Pod spec, pod labels, and the image of containers that name none (a FlinkDeployment's spec.image). */
    record Pod(Map<String, Object> spec, Map<String, Object> labels, String defaultImage) {

        Set<String> portNames() {
            Set<String> names = new TreeSet<>();
            for (Object c : list(spec.get("containers"))) {
                for (Object p : list(map(c).get("ports"))) {
                    names.add(string(map(p).get("name")));
                }
            }
            return names;
        }
    }

    private PodTemplates() {
    }

    static Optional<Pod> of(Map<String, Object> doc) {
        String kind = string(doc.get("kind"));
        if (kind == null) {
            return Optional.empty();
        }
        return switch (kind) {
            case "Deployment", "StatefulSet", "Job", "DaemonSet" -> Optional.of(new Pod(map(at(doc, "spec", "template", "spec")),
                    map(at(doc, "spec", "template", "metadata", "labels")), null));
            case "FlinkDeployment" -> Optional.of(new Pod(map(at(doc, "spec", "podTemplate", "spec")),
                    map(at(doc, "metadata", "labels")), string(at(doc, "spec", "image"))));
            default -> Optional.empty();
        };
    }
}
