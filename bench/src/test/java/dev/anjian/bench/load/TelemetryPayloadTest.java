package dev.anjian.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.events.DeviceEvent;
import dev.anjian.events.SensorReading;
import dev.anjian.ingest.mqtt.TelemetryParseResult;
import dev.anjian.ingest.mqtt.TelemetryPayloadParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TelemetryPayloadTest {

    private static final long TS = 1_764_403_200_000L;

    @Test
    void writesFixedPointValues() {
        assertThat(TelemetryPayload.json(TS, 42, 3, 208))
                .isEqualTo("{\"ts\":1764403200000,\"metrics\":{\"CH4\":0.42,\"CO\":3,\"O2\":20.8}}");
        assertThat(TelemetryPayload.json(TS, 120, 0, 206)).contains("\"CH4\":1.20").contains("\"O2\":20.6");
        assertThat(TelemetryPayload.json(TS, 5, 0, 206)).contains("\"CH4\":0.05");
    }

    @Test
    void theBridgesParserReadsABreachAsThreeReadingsAtThePublishTime() {
        ByteBuf buf = Unpooled.buffer();
        TelemetryPayload.writeBreach(buf, TS);
        TelemetryParseResult result = TelemetryPayloadParser.parse("anjian/telemetry/BE0001/S000000",
                ByteBufUtil.getBytes(buf), TS + 5, 65_536);
        buf.release();
        assertThat(result).isInstanceOf(TelemetryParseResult.Readings.class);
        var events = ((TelemetryParseResult.Readings) result).events();
        assertThat(events).extracting(DeviceEvent::eventTime).containsOnly(TS);
        assertThat(events).extracting(e -> e.reading().metric()).containsExactly("CH4", "CO", "O2");
        SensorReading ch4 = events.get(0).reading();
        assertThat(ch4.value()).isEqualTo(1.2);
        assertThat(Fleet.GAS_METRICS.get(0).levelOf(ch4.value())).isEqualTo(1); // level 1, not 2
    }

    @Test
    void normalReadingsAreOnTheSafeSideOfEveryThreshold() {
        for (int i = 0; i < 1_000; i++) {
            ByteBuf buf = Unpooled.buffer();
            TelemetryPayload.writeNormal(buf, TS);
            var events = ((TelemetryParseResult.Readings) TelemetryPayloadParser.parse("anjian/telemetry/BE0001/S000000",
                    ByteBufUtil.getBytes(buf), TS, 65_536)).events();
            buf.release();
            for (int m = 0; m < 3; m++) {
                var spec = Fleet.GAS_METRICS.get(m);
                double value = events.get(m).reading().value();
                assertThat(spec.levelOf(value)).as("%s = %s", spec.metric(), value).isZero();
                assertThat(spec.direction().clears(value, spec.clear())).as("%s = %s clears", spec.metric(), value).isTrue();
            }
        }
    }

    @Test
    void typicalSizeIsTheSizeOfAPayload() {
        assertThat(TelemetryPayload.typicalBytes())
                .isEqualTo(TelemetryPayload.json(TS, 42, 3, 208).getBytes(StandardCharsets.US_ASCII).length);
    }
}
