package dev.anjian.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The provisioned dashboards (module folder {@code json/}) and every query in them. */
final class Dashboards {

    static final Path JSON = Path.of("json");
    static final Path PROVISIONING = Path.of("provisioning");

    /** One panel target: where it is and its raw InfluxQL. */
    record PanelQuery(String file, String uid, String panel, String refId, String query, JsonNode dashboard) {
        String id() {
            return uid + " / " + panel + " / " + refId;
        }

        @Override
        public String toString() { // the test's display name
            return id();
        }
    }

    private Dashboards() {
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.list(JSON)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Panels, those nested in rows included. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    static List<PanelQuery> queries() {
        List<PanelQuery> queries = new ArrayList<>();
        for (Path file : files()) {
            JsonNode dashboard = read(file);
            for (JsonNode panel : panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new PanelQuery(file.getFileName().toString(), dashboard.path("uid").asText(),
                            panel.path("title").asText(), target.path("refId").asText(), target.path("query").asText(),
                            dashboard));
                }
            }
        }
        return queries;
    }
}
