package dev.anjian.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.common.testing.ItServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The setup against the real InfluxDB, in a database of its own. */
class InfluxSetupIT {

    private final String database = "storage_it_" + UUID.randomUUID().toString().substring(0, 8);
    private final InfluxDB influx = InfluxDBFactory.connect(ItServices.influxUrl());
    private final Rows rows = new Rows(influx, database);

    @AfterEach
    void dropDatabase() {
        rows.execute("DROP DATABASE \"" + database + "\"");
        influx.close();
    }

    @Test
    void createsRetentionPoliciesAndContinuousQueriesAndASecondRunChangesNothing() {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        int code = new StorageCommand().setup(ItServices.influxUrl(), database, new PrintStream(first, true,
                StandardCharsets.UTF_8));

        assertThat(code).isZero();
        assertThat(first.toString(StandardCharsets.UTF_8)).contains("retention policy raw (26w): created",
                "retention policy autogen (156w, default): altered", "continuous query cq_reading_1m: created");
        assertThat(rows.query("SHOW RETENTION POLICIES ON \"" + database + "\""))
                .extracting(r -> r.get("name"), r -> r.get("duration"), r -> r.get("default"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("autogen", "26208h0m0s", true),
                        org.assertj.core.groups.Tuple.tuple("raw", "4368h0m0s", false),
                        org.assertj.core.groups.Tuple.tuple("minute", "17472h0m0s", false),
                        org.assertj.core.groups.Tuple.tuple("hour", "87360h0m0s", false));

        List<String> second = new InfluxSetup(influx, database, RetentionPlan.standard()).apply();
        assertThat(second).allSatisfy(line -> assertThat(line).endsWith(line.startsWith("database") ? "present" : "unchanged"));
    }

    @Test
    void aChangedPlanAltersThePolicyAndTheContinuousQueriesFollowTheReadings() {
        new InfluxSetup(influx, database, RetentionPlan.standard()).apply();
        RetentionPlan rawReadings = new RetentionPlan("autogen", 156, 52, 104, 520, RetentionPlan.RAW);

        List<String> done = new InfluxSetup(influx, database, rawReadings).apply();

        assertThat(done).contains("retention policy raw (52w): altered (was 26w)",
                "continuous query cq_reading_1m: recreated", "continuous query cq_reading_1h: recreated");
        assertThat(rows.query("SHOW CONTINUOUS QUERIES").stream().map(r -> (String) r.get("query")).toList())
                .anySatisfy(q -> assertThat(q).contains(database + ".raw.reading"));
    }

    @Test
    void theMinuteDownsamplingKeepsTagsAndComputesMeanMinMaxCount() {
        new InfluxSetup(influx, database, RetentionPlan.standard()).apply();
        long minute = 1_764_403_200_000L; // 2025-11-29T08:00:00Z
        BatchPoints points = BatchPoints.database(database).precision(TimeUnit.MILLISECONDS).build();
        double[] values = {0.4, 0.6, 1.1};
        for (int i = 0; i < values.length; i++) {
            points.point(Point.measurement("reading").time(minute + i * 10_000L, TimeUnit.MILLISECONDS)
                    .tag(Map.of("device", "GAS-01", "metric", "CH4", "enterprise", "E1", "region", "410400",
                            "industry", "COAL_MINE", "kind", "GAS_SENSOR"))
                    .addField("value", values[i]).addField("quality", "NORMAL").build());
        }
        influx.write(points);

        String select = Downsampling.select(database, "autogen", RetentionPlan.MINUTE, Downsampling.MINUTE_MEASUREMENT, "1m")
                .replace(" GROUP BY", " WHERE time >= " + minute + "ms AND time < " + (minute + 60_000) + "ms GROUP BY");
        rows.execute(select);

        assertThat(rows.query("SELECT mean, min, max, \"count\", device, metric FROM \"minute\".\"reading_1m\""))
                .singleElement().satisfies(row -> {
                    assertThat((Double) row.get("mean")).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
                    assertThat(row).containsEntry("min", 0.4).containsEntry("max", 1.1).containsEntry("count", 3.0)
                            .containsEntry("device", "GAS-01").containsEntry("metric", "CH4");
                });
    }
}
