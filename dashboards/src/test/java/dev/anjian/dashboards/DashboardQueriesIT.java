package dev.anjian.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anjian.common.testing.ItServices;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.influxdb.dto.QueryResult.Series;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every panel query of every dashboard, its template variables substituted as Grafana would, run against
 * the real InfluxDB loaded with {@link SimulatedDay}; each must return the series and columns listed here
 * (and a query without an entry here fails the test, so a new panel needs its expectation).
 */
class DashboardQueriesIT {

    /** What Grafana puts in: the variables' values for the simulated day, $timeFilter from the dashboard's range. */
    private static final Map<String, String> VARIABLES = Map.of("enterprise", "E-PDS-01", "region", "410100",
            "scope_type", "REGION", "target", "100", "__interval", "10m");

    private static final Map<String, Expectation> EXPECTED = Map.ofEntries(
            expect("anjian-overview / Alarms raised by level / A", cols("raised"), 1,
                    s -> assertThat(one(s).getTags()).containsEntry("level", "1"), s -> assertThat(value(s, 0, "raised")).isEqualTo(4.0)),
            expect("anjian-overview / Devices offline now / A", cols("offline", "registered"), 1,
                    s -> assertThat(value(s, 0, "offline")).isEqualTo(1.0), s -> assertThat(value(s, 0, "registered")).isEqualTo(5.0)),
            expect("anjian-overview / Online rate today / A", cols("online rate"), 1,
                    s -> assertThat(value(s, 0, "online rate")).isEqualTo(SimulatedDay.TODAY_ALL_RATE)),
            expect("anjian-overview / Open alarms / A", cols("alarm_id", "state", "level", "value", "threshold", "rule"), 4,
                    s -> assertThat(s.stream().filter(x -> List.of("RAISED", "ESCALATED").contains(value(List.of(x), 0, "state")))
                            .map(x -> x.getTags().get("device"))).containsExactlyInAnyOrder("GAS-02", "NH3-01", "DG-1")),
            expect("anjian-overview / Offline devices / A", cols("online", "reason"), 5,
                    s -> assertThat(s.stream().filter(x -> ((Double) value(List.of(x), 0, "online")) == 0.0)
                            .map(x -> x.getTags().get("device"))).containsExactly("NH3-01")),
            expect("anjian-overview / Latest readings against thresholds / A", cols("value", "quality"), 3,
                    s -> assertThat(s).extracting(x -> x.getTags().get("device")).containsExactlyInAnyOrder("GAS-01", "GAS-02", "NH3-01")),
            expect("anjian-overview / Latest readings against thresholds / B", cols("threshold", "level"), 2,
                    s -> assertThat(s).extracting(x -> x.getTags().get("device")).containsExactlyInAnyOrder("GAS-01", "GAS-02")),
            expect("anjian-overview / Alarm timeline / A", cols("alarm_id", "device", "enterprise", "type", "level", "state",
                    "value", "threshold", "operator"), 1, s -> assertThat(one(s).getValues()).hasSize(8)),
            expect("anjian-enterprise / Sensor readings / A", cols("mean"), 2,
                    s -> assertThat(s).extracting(x -> x.getTags().get("device") + "/" + x.getTags().get("metric"))
                            .containsExactlyInAnyOrder("GAS-01/CH4", "GAS-02/CH4")),
            expect("anjian-enterprise / Thresholds crossed / A", cols("max"), 3,
                    s -> assertThat(s).extracting(x -> x.getTags().get("device") + " L" + x.getTags().get("level"))
                            .containsExactlyInAnyOrder("GAS-01 L1", "GAS-01 L2", "GAS-02 L1")),
            expect("anjian-enterprise / Device status / A", cols("last"), 2),
            expect("anjian-enterprise / Alarms / A", cols("alarm_id", "device", "type", "level", "state", "value", "threshold",
                    "operator", "note"), 1, s -> assertThat(one(s).getValues()).hasSize(6)
                            .filteredOn(row -> "zhang.san".equals(row.get(8))).hasSize(2)),
            expect("anjian-enterprise / Online rate today / A", cols("online rate"), 1,
                    s -> assertThat(value(s, 0, "online rate")).isEqualTo(0.92)),
            expect("anjian-vehicles / Latest positions / A", cols("lat", "lon", "speed"), 2,
                    s -> assertThat(s).extracting(x -> x.getTags().get("device")).containsExactlyInAnyOrder("DG-1", "DG-2")),
            expect("anjian-vehicles / Vehicle alarms by vehicle / A", cols("raised"), 1,
                    s -> assertThat(one(s).getTags()).containsEntry("device", "DG-1")),
            expect("anjian-vehicles / Video signal loss / A", cols("alarm_id", "device", "rule", "state"), 1,
                    s -> assertThat(value(s, 0, "rule")).isEqualTo("jt1078:video-loss:ch1")),
            expect("anjian-vehicles / Speed / A", cols("mean"), 2),
            expect("anjian-audit / Online rate by region / A", cols("rate"), 3, DashboardQueriesIT::threeDaysEach),
            expect("anjian-audit / Online rate by region / B", cols("target"), 1, DashboardQueriesIT::targetLine),
            expect("anjian-audit / Online rate by enterprise / A", cols("rate"), 3, DashboardQueriesIT::threeDaysEach),
            expect("anjian-audit / Online rate by enterprise / B", cols("target"), 1, DashboardQueriesIT::targetLine),
            expect("anjian-audit / Online rate by industry / A", cols("rate"), 3, DashboardQueriesIT::threeDaysEach),
            expect("anjian-audit / Online rate by industry / B", cols("target"), 1, DashboardQueriesIT::targetLine),
            expect("anjian-audit / Reporting rate (上线率) by region / A", cols("rate"), 3,
                    s -> assertThat(value(s, 0, "rate")).isEqualTo(100.0)),
            expect("anjian-audit / Reporting rate (上线率) by region / B", cols("target"), 1, DashboardQueriesIT::targetLine),
            expect("anjian-audit / Daily figures / A", cols("registered", "reported", "reporting_rate", "online_seconds",
                    "registered_seconds", "rate", "complete"), 3, DashboardQueriesIT::threeDaysEach),
            expect("anjian-pipeline / Readings stored / A", cols("readings"), 1,
                    s -> assertThat(sum(s, "readings")).isEqualTo(SimulatedDay.READINGS)),
            expect("anjian-pipeline / Vehicle positions stored / A", cols("positions"), 1,
                    s -> assertThat(sum(s, "positions")).isEqualTo(SimulatedDay.POSITIONS)),
            expect("anjian-pipeline / Device status changes / A", cols("changes"), 1,
                    s -> assertThat(sum(s, "changes")).isEqualTo(SimulatedDay.STATUS_CHANGES)),
            expect("anjian-pipeline / Rejected input / A", cols("rejected"), 2,
                    s -> assertThat(s).extracting(x -> x.getTags().get("source")).containsExactlyInAnyOrder("mqtt", "jt808")),
            expect("anjian-pipeline / SMS outcomes / A", cols("sent"), 2,
                    s -> assertThat(s).extracting(x -> x.getTags().get("result")).containsExactlyInAnyOrder("SENT", "FAILED")),
            expect("anjian-pipeline / Devices online / A", cols("online", "registered"), 1));

    private static String database;
    private static InfluxDB influx;

    @BeforeAll
    static void loadASimulatedDay() {
        database = "dashboards_it_" + UUID.randomUUID().toString().substring(0, 8);
        influx = InfluxDBFactory.connect(ItServices.influxUrl());
        run("CREATE DATABASE \"" + database + "\"");
        SimulatedDay.write(influx, database);
    }

    @AfterAll
    static void dropIt() {
        run("DROP DATABASE \"" + database + "\"");
        influx.close();
    }

    static Stream<Dashboards.PanelQuery> queries() {
        return Dashboards.queries().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void panelQueryReturnsTheExpectedSeriesAndColumns(Dashboards.PanelQuery query) {
        Expectation expected = EXPECTED.get(query.id());
        if (expected == null) {
            fail("no expectation for panel query " + query.id() + ": " + query.query());
        }
        List<Series> series = run(substitute(query.query(), query.dashboard()));

        assertThat(series).as(query.id()).hasSize(expected.series());
        assertThat(series).allSatisfy(s -> assertThat(s.getColumns()).as(query.id()).isEqualTo(expected.columns()));
        expected.checks().forEach(check -> check.accept(series));
    }

    @Test
    void everyExpectationBelongsToAPanelQuery() {
        assertThat(Dashboards.queries().stream().map(Dashboards.PanelQuery::id)).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @Test
    void templateVariableQueriesListTheSimulatedEnterprisesAndRegions() {
        for (java.nio.file.Path file : Dashboards.files()) {
            for (JsonNode variable : Dashboards.read(file).path("templating").path("list")) {
                if (!variable.path("type").asText().equals("query")) {
                    continue;
                }
                List<Object> values = run(variable.path("query").asText()).get(0).getValues().stream().map(v -> v.get(1)).toList();
                assertThat(values).as(variable.path("name").asText()).contains(VARIABLES.get(variable.path("name").asText()));
            }
        }
    }

    /** $timeFilter as Grafana renders a relative range (now-24h -> time >= now() - 24h and time <= now()), then the variables. */
    static String substitute(String query, JsonNode dashboard) {
        String from = dashboard.path("time").path("from").asText().substring("now-".length());
        String text = query.replace("$timeFilter", "time >= now() - " + from + " and time <= now()");
        for (Map.Entry<String, String> variable : VARIABLES.entrySet()) {
            text = text.replace("$" + variable.getKey(), variable.getValue());
        }
        return text;
    }

    private static List<Series> run(String influxQl) {
        QueryResult result = influx.query(new Query(influxQl, database));
        String error = result.hasError() ? result.getError() : result.getResults().get(0).getError();
        if (error != null) {
            throw new AssertionError(influxQl + ": " + error);
        }
        List<Series> series = result.getResults().get(0).getSeries();
        return series == null ? List.of() : series;
    }

    private static void threeDaysEach(List<Series> series) {
        assertThat(series).allSatisfy(s -> assertThat(s.getValues()).as(s.getTags().toString()).hasSize(3));
    }

    private static void targetLine(List<Series> series) {
        assertThat(one(series).getValues()).hasSize(3).allSatisfy(row -> assertThat(row.get(1)).isEqualTo(100.0));
    }

    private static Series one(List<Series> series) {
        assertThat(series).hasSize(1);
        return series.get(0);
    }

    private static Object value(List<Series> series, int row, String column) {
        Series s = series.get(0);
        return s.getValues().get(row).get(s.getColumns().indexOf(column));
    }

    private static long sum(List<Series> series, String column) {
        Series s = one(series);
        int index = s.getColumns().indexOf(column);
        return s.getValues().stream().mapToLong(row -> ((Double) row.get(index)).longValue()).sum();
    }

    private static List<String> cols(String... fields) {
        return Stream.concat(Stream.of("time"), Stream.of(fields)).toList();
    }

    record Expectation(List<String> columns, int series, List<Consumer<List<Series>>> checks) {
    }

    @SafeVarargs
    private static Map.Entry<String, Expectation> expect(String id, List<String> columns, int series,
            Consumer<List<Series>>... checks) {
        return Map.entry(id, new Expectation(columns, series, List.of(checks)));
    }
}
