package dev.anjian.jobs.influx;

import dev.anjian.events.DeadLetter;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * Rejected input as points for the pipeline-health dashboard, time = when it was received:
 * <pre>
 * dead_letter,source=mqtt reason="DeviceEvent: not valid JSON",origin="anjian/telemetry/E1/GAS-01",raw_bytes=4i
 * </pre>
 * InfluxDB keeps one point per series and timestamp, so the nanoseconds under the millisecond come from
 * the letter itself: two rejections of one source in the same millisecond stay two points.
 */
public final class DeadLetterPoints implements PointMapper<DeadLetter> {

    private static final long serialVersionUID = 1L;

    @Override
    public Point toPoint(DeadLetter letter) {
        long withinMillisecond = Math.floorMod((letter.origin() + '|' + letter.reason() + '|' + letter.rawBase64()).hashCode(),
                1_000_000);
        return Point.measurement("dead_letter")
                .time(letter.receivedAt() * 1_000_000L + withinMillisecond, TimeUnit.NANOSECONDS)
                .tag("source", letter.source())
                .addField("reason", letter.reason())
                .addField("origin", letter.origin())
                .addField("raw_bytes", (long) letter.rawLength())
                .build();
    }
}
