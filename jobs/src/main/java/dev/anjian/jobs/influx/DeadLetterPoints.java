package dev.anjian.jobs.influx;

import dev.anjian.events.DeadLetter;
import java.util.concurrent.TimeUnit;

/**
 * Rejected input as points for the pipeline-health dashboard, time = when it was received, in nanoseconds:
 * <pre>
 * dead_letter,source=mqtt origin="anjian/telemetry/E1/GAS-01",raw_bytes=4i,reason="DeviceEvent: not valid JSON" 1764374400000123456
 * </pre>
 * InfluxDB keeps one point per series and timestamp, so the nanoseconds under the millisecond come from
 * the letter itself: two rejections of one source in the same millisecond stay two points. Hence this
 * mapper's precision is nanoseconds (its sink writes with {@code precision=n}).
 */
public final class DeadLetterPoints extends LineProtocolMapper<DeadLetter> {

    private static final long serialVersionUID = 1L;

    @Override
    public TimeUnit precision() {
        return TimeUnit.NANOSECONDS;
    }

    @Override
    protected boolean describe(DeadLetter letter, PointParts parts) {
        long withinMillisecond = Math.floorMod((letter.origin() + '|' + letter.reason() + '|' + letter.rawBase64()).hashCode(),
                1_000_000);
        parts.measurement("dead_letter")
                .tag("source", letter.source())
                .field("origin", letter.origin())
                .field("raw_bytes", (long) letter.rawLength())
                .field("reason", letter.reason())
                .time(letter.receivedAt() * 1_000_000L + withinMillisecond);
        return true;
    }
}
