package dev.anjian.alerting.influx;

import dev.anjian.events.Notification;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * One ledger record as one InfluxDB point, the schema the pipeline-health dashboard ("SMS outcomes") reads:
 * measurement {@code notification}, tags {@code enterprise}, {@code channel} ({@code sms}), {@code result}
 * ({@code SENT}/{@code SKIPPED}/{@code FAILED}), fields {@code alarm_id}, {@code recipient_masked}. Example:
 * {@code notification,channel=sms,enterprise=E-HN-COAL-01,result=SENT alarm_id="A1b2",recipient_masked="138****0101"}.
 *
 * <p>Time is {@code attemptedAt} (milliseconds) plus a sub-millisecond offset derived from the ledger key, in
 * nanoseconds. InfluxDB keeps ONE point per series and timestamp, and a storm summary records all its alarms
 * with the same {@code attemptedAt}: without the offset they would collapse into one and the dashboard would
 * under-count. The offset is deterministic, so a re-written record (delivery receipt) replaces its point.
 */
public final class NotificationPoint {

    public static final String MEASUREMENT = "notification";
    public static final String CHANNEL = "sms";
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private NotificationPoint() {
    }

    public static Point of(Notification n) {
        String masked = n.recipientMasked() == null || n.recipientMasked().isEmpty() ? n.recipientId() : n.recipientMasked();
        return Point.measurement(MEASUREMENT)
                .time(timeNanos(n), TimeUnit.NANOSECONDS)
                .tag("enterprise", n.enterpriseId())
                .tag("channel", CHANNEL)
                .tag("result", n.result().name())
                .addField("alarm_id", n.alarmId())
                .addField("recipient_masked", masked)
                .build();
    }

    /** {@code attemptedAt} in nanoseconds, plus 0..999,999 ns from the ledger key. */
    static long timeNanos(Notification n) {
        return n.attemptedAt() * NANOS_PER_MILLI + Math.floorMod(n.ledgerKey().hashCode(), (int) NANOS_PER_MILLI);
    }
}
