package dev.anjian.bench.raw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.ingest.mqtt.TelemetryParseResult;
import dev.anjian.ingest.mqtt.TelemetryPayloadParser;
import dev.anjian.jobs.influx.EventPoints;
import org.junit.jupiter.api.Test;

/** The baselines send what the product handles: payloads the bridge accepts, points shaped as the job writes them. */
class BenchPayloadsTest {

    private static final long TS = 1_764_374_400_000L;

    @Test
    void telemetryIsPaddedToTheRequestedSizeAndStillParsesIntoThreeReadings() {
        byte[] natural = TelemetryPayload.of(TS, 0);
        byte[] padded = TelemetryPayload.of(TS, 120);

        assertThat(TelemetryPayload.text(natural))
                .isEqualTo("{\"ts\":1764374400000,\"quality\":\"NORMAL\",\"metrics\":{\"CH4\":0.42,\"CO\":12.5,\"O2\":20.9}}");
        assertThat(padded).hasSize(120);
        TelemetryParseResult parsed = TelemetryPayloadParser.parse("anjian/telemetry/E1/GAS-1", padded, TS,
                TelemetryPayloadParser.DEFAULT_MAX_PAYLOAD_BYTES);
        assertThat(parsed).isInstanceOfSatisfying(TelemetryParseResult.Readings.class,
                readings -> assertThat(readings.events()).hasSize(3));
    }

    @Test
    void readingsAreDistinctSeriesAndTimesShapedLikeTheJobsPoints() {
        BenchReadings readings = new BenchReadings(3, TS);

        String first = new EventPoints().toPoint(readings.event(0)).lineProtocol();
        String fourth = new EventPoints().toPoint(readings.event(3)).lineProtocol();

        assertThat(first).startsWith("reading,device=GAS-0,enterprise=E0,industry=COAL_MINE,kind=GAS_SENSOR,metric=CH4,"
                + "region=410100 quality=\"NORMAL\",value=0.3 ");
        // reading 3 is the same device one second later: a new point, not an overwrite
        assertThat(readings.event(3).event().deviceId()).isEqualTo("GAS-0");
        assertThat(readings.event(3).event().eventTime()).isEqualTo(TS + 1_000);
        assertThat(fourth).isNotEqualTo(first);
        assertThat(readings.event(1).event().deviceId()).isEqualTo("GAS-1");
    }
}
