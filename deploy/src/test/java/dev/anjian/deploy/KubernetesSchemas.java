package dev.anjian.deploy;

import static dev.anjian.deploy.Yamls.at;
import static dev.anjian.deploy.Yamls.list;
import static dev.anjian.deploy.Yamls.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Schema validation of Kubernetes manifests without a cluster, as strict as the API server's field validation
 * (kubectl apply --validate=strict): core kinds through the Kubernetes Java client's models (24.0.0, Kubernetes
 * 1.32), which reject unknown and misplaced fields and missing required ones; a FlinkDeployment through the
 * CRD schema in flink-kubernetes-operator-api, made strict (unknown fields are errors, not silently pruned as
 * the API server would), with the flinkVersion values of operators 1.11-1.15 (v2_0, v2_1, v2_2) added to the
 * enum of the 1.10 CRD this machine's Maven registry serves; its podTemplate also as a core Pod.
 */
final class KubernetesSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CRD = "META-INF/fabric8/flinkdeployments.flink.apache.org-v1.yml";
    private static final List<String> FLINK_2_VERSIONS = List.of("v2_0", "v2_1", "v2_2");
    private static final Map<String, String> MODELS = Map.ofEntries(
            Map.entry("Namespace", "V1Namespace"), Map.entry("ConfigMap", "V1ConfigMap"), Map.entry("Secret", "V1Secret"),
            Map.entry("Service", "V1Service"), Map.entry("Deployment", "V1Deployment"),
            Map.entry("StatefulSet", "V1StatefulSet"), Map.entry("Job", "V1Job"), Map.entry("Pod", "V1Pod"),
            Map.entry("PersistentVolumeClaim", "V1PersistentVolumeClaim"),
            Map.entry("PodDisruptionBudget", "V1PodDisruptionBudget"));

    private static JsonSchema flinkDeployment;

    private KubernetesSchemas() {
    }

    /** The schema problems of one manifest ("Deployment/x: ..."), none when valid. */
    static List<String> problems(Map<String, Object> doc) {
        String kind = String.valueOf(doc.get("kind"));
        String where = kind + "/" + at(doc, "metadata", "name");
        List<String> problems = new ArrayList<>();
        if (kind.equals("FlinkDeployment")) {
            for (ValidationMessage message : flinkDeploymentSchema().validate(JSON.valueToTree(doc))) {
                problems.add(where + ": " + message.getMessage());
            }
            Object podTemplate = at(doc, "spec", "podTemplate");
            if (podTemplate != null) {
                model("Pod", map(podTemplate)).ifPresent(p -> problems.add(where + " podTemplate: " + p));
            }
        } else if (MODELS.containsKey(kind)) {
            model(kind, doc).ifPresent(p -> problems.add(where + ": " + p));
        } else {
            problems.add(where + ": no schema known for kind " + kind + " (add its model to KubernetesSchemas)");
        }
        return problems;
    }

    /** Parses the document with the client's model of {@code kind}; the model's validation message on failure. */
    private static java.util.Optional<String> model(String kind, Map<String, Object> doc) {
        try {
            Class<?> model = Class.forName("io.kubernetes.client.openapi.models." + MODELS.get(kind));
            model.getMethod("fromJson", String.class).invoke(null, JSON.writeValueAsString(doc));
            return java.util.Optional.empty();
        } catch (InvocationTargetException e) {
            String message = String.valueOf(e.getCause().getMessage());
            int json = message.indexOf(". JSON:"); // the model appends the whole object: keep the reason
            return java.util.Optional.of(json > 0 ? message.substring(0, json) : message);
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("cannot validate a " + kind, e);
        }
    }

    static synchronized JsonSchema flinkDeploymentSchema() {
        if (flinkDeployment == null) {
            try (InputStream in = KubernetesSchemas.class.getClassLoader().getResourceAsStream(CRD)) {
                if (in == null) {
                    throw new IllegalStateException(CRD + " is not on the classpath (flink-kubernetes-operator-api)");
                }
                Map<String, Object> crd = map(new Yaml().load(in));
                Object version = list(at(crd, "spec", "versions")).stream()
                        .filter(v -> "v1beta1".equals(map(v).get("name"))).findFirst().orElseThrow();
                ObjectNode schema = JSON.valueToTree(at(version, "schema", "openAPIV3Schema"));
                // The API server adds the fields every object has; the CRD schema leaves them out.
                ObjectNode root = (ObjectNode) schema.get("properties");
                root.putObject("apiVersion").put("type", "string");
                root.putObject("kind").put("type", "string");
                root.putObject("metadata").put("type", "object");
                schema.putArray("required").add("apiVersion").add("kind").add("metadata");
                strict(schema);
                ArrayNode versions = (ArrayNode) schema.at("/properties/spec/properties/flinkVersion/enum");
                FLINK_2_VERSIONS.forEach(versions::add);
                flinkDeployment = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return flinkDeployment;
    }

    /** Every object schema with properties and no additionalProperties / preserve-unknown-fields rejects other keys. */
    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            object.elements().forEachRemaining(KubernetesSchemas::strict);
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(KubernetesSchemas::strict);
        }
    }
}
