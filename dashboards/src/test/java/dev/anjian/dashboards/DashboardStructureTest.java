package dev.anjian.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Structural checks of the dashboard JSON, after the fields and types of Grafana's dashboard model
 * (@grafana/schema ships it as TypeScript only, no JSON Schema a Java test could validate against):
 * dashboards as code ("id": null, stable uid, datasource by uid), panels on the 24-column grid without
 * overlaps, raw InfluxQL targets, and every variable a query uses defined or built in.
 */
class DashboardStructureTest {

    private static final Set<String> PANEL_TYPES = Set.of("timeseries", "stat", "table", "bargauge", "geomap",
            "state-timeline", "row", "text", "gauge", "barchart");
    private static final Set<String> BUILT_IN = Set.of("timeFilter", "__interval", "__interval_ms");
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)");

    static List<Path> dashboards() {
        return Dashboards.files();
    }

    @Test
    void theFiveDashboardsOfTheIssueAreThereWithDistinctReadableUids() {
        assertThat(Dashboards.files()).extracting(f -> Dashboards.read(f).path("uid").asText()).containsExactlyInAnyOrder(
                "anjian-overview", "anjian-enterprise", "anjian-vehicles", "anjian-audit", "anjian-pipeline");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void dashboardIsProvisionable(Path file) {
        JsonNode dashboard = Dashboards.read(file);
        assertThat(dashboard.has("id")).isTrue();
        assertThat(dashboard.get("id").isNull()).as("\"id\": null").isTrue();
        assertThat(file.getFileName().toString()).isEqualTo(dashboard.path("uid").asText() + ".json");
        assertThat(dashboard.path("uid").asText()).matches("[a-z][a-z0-9-]{2,39}");
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("schemaVersion").isInt()).isTrue();
        assertThat(dashboard.path("time").path("from").asText()).startsWith("now-");
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            assertThat(variable.path("name").asText()).matches("\\w+");
            assertThat(variable.path("type").asText()).isIn("query", "custom");
            if (variable.path("type").asText().equals("query")) {
                assertDatasource(variable.path("datasource"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void panelsSitOnTheGridWithoutOverlapAndQueryTheDatasourceByUid(Path file) {
        JsonNode dashboard = Dashboards.read(file);
        Set<String> titles = new HashSet<>();
        Set<Integer> ids = new HashSet<>();
        boolean[][] cells = new boolean[200][24];
        for (JsonNode panel : Dashboards.panels(dashboard)) {
            String title = panel.path("title").asText();
            assertThat(titles.add(title)).as("panel titles unique: %s", title).isTrue();
            assertThat(ids.add(panel.path("id").asInt())).as("panel ids unique").isTrue();
            assertThat(panel.path("type").asText()).as(title).isIn(PANEL_TYPES);
            assertDatasource(panel.path("datasource"));
            JsonNode grid = panel.path("gridPos");
            int x = grid.path("x").asInt(-1);
            int y = grid.path("y").asInt(-1);
            int w = grid.path("w").asInt(0);
            int h = grid.path("h").asInt(0);
            assertThat(x).isBetween(0, 23);
            assertThat(w).isBetween(1, 24 - x);
            assertThat(h).isPositive();
            for (int row = y; row < y + h; row++) {
                for (int col = x; col < x + w; col++) {
                    assertThat(cells[row][col]).as("%s overlaps another panel", title).isFalse();
                    cells[row][col] = true;
                }
            }
            assertThat(panel.path("targets").size()).as("%s has queries", title).isPositive();
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : panel.path("targets")) {
                assertThat(refIds.add(target.path("refId").asText())).isTrue();
                assertThat(target.path("rawQuery").asBoolean()).isTrue();
                assertThat(target.path("resultFormat").asText()).isIn("time_series", "table");
                assertThat(target.path("query").asText()).startsWith("SELECT ");
                assertDatasource(target.path("datasource"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void everyVariableAQueryUsesIsDefinedOrBuiltIn(Path file) {
        JsonNode dashboard = Dashboards.read(file);
        Set<String> defined = new HashSet<>(BUILT_IN);
        dashboard.path("templating").path("list").forEach(v -> defined.add(v.path("name").asText()));
        for (Dashboards.PanelQuery query : Dashboards.queries()) {
            if (!query.uid().equals(dashboard.path("uid").asText())) {
                continue;
            }
            Matcher m = VARIABLE.matcher(query.query());
            while (m.find()) {
                assertThat(defined).as(query.id()).contains(m.group(1));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void provisioningNamesTheDatasourceUidAndTheDashboardFolder() throws IOException {
        Map<String, Object> datasources = new Yaml().load(Files.readString(
                Dashboards.PROVISIONING.resolve("datasources/anjian-influxdb.yaml")));
        Map<String, Object> source = ((List<Map<String, Object>>) datasources.get("datasources")).get(0);
        assertThat(source).containsEntry("uid", "anjian-influxdb").containsEntry("type", "influxdb");
        assertThat((Map<String, Object>) source.get("jsonData")).containsKey("dbName");

        Map<String, Object> dashboards = new Yaml().load(Files.readString(
                Dashboards.PROVISIONING.resolve("dashboards/anjian.yaml")));
        Map<String, Object> provider = ((List<Map<String, Object>>) dashboards.get("providers")).get(0);
        assertThat(provider).containsEntry("type", "file");
        assertThat((String) ((Map<String, Object>) provider.get("options")).get("path")).contains("anjian-dashboards");
    }

    private static void assertDatasource(JsonNode datasource) {
        assertThat(datasource.path("type").asText()).isEqualTo("influxdb");
        assertThat(datasource.path("uid").asText()).isEqualTo("anjian-influxdb");
    }
}
