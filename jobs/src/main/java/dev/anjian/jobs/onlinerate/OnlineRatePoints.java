package dev.anjian.jobs.onlinerate;

import dev.anjian.jobs.influx.PointMapper;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * Online figures as {@code online_rate} points (DESIGN.md "Storage"; tags scope_type, scope, window):
 * <ul>
 *   <li>{@link #daily()}: {@code window=day}, time = the local day's start; rewritten every minute with the
 *       day so far (same series and time: InfluxDB overwrites) until the complete figures, {@code complete=true};</li>
 *   <li>{@link #live()}: {@code window=minute}, time = the tick; one point a minute for "online now" history.</li>
 * </ul>
 * <pre>
 * online_rate,scope_type=REGION_VEHICLE_CLASS,scope=410100/DANGEROUS_GOODS,window=day online=5i,total=6i,
 *   rate=0.9875,registered=6i,reported=6i,reporting_rate=1,online_seconds=511920i,registered_seconds=518400i,complete=true
 * </pre>
 * {@code online} and {@code total} are the devices online and registered at the window's end (now).
 */
public final class OnlineRatePoints implements PointMapper<ScopeFigures> {

    public static final String MEASUREMENT = "online_rate";

    private static final long serialVersionUID = 1L;

    private final boolean live;

    private OnlineRatePoints(boolean live) {
        this.live = live;
    }

    public static OnlineRatePoints daily() {
        return new OnlineRatePoints(false);
    }

    public static OnlineRatePoints live() {
        return new OnlineRatePoints(true);
    }

    @Override
    public Point toPoint(ScopeFigures figures) {
        if (live && figures.complete()) {
            return null; // the complete figures of a past day are no "now"
        }
        return Point.measurement(MEASUREMENT)
                .time(live ? figures.windowEnd() : figures.windowStart(), TimeUnit.MILLISECONDS)
                .tag("scope_type", figures.scopeType())
                .tag("scope", figures.scope())
                .tag("window", live ? "minute" : "day")
                .addField("online", figures.onlineNow())
                .addField("total", figures.registeredNow())
                .addField("rate", figures.onlineRate())
                .addField("registered", figures.registered())
                .addField("reported", figures.reported())
                .addField("reporting_rate", figures.reportingRate())
                .addField("online_seconds", figures.onlineSeconds())
                .addField("registered_seconds", figures.registeredSeconds())
                .addField("complete", figures.complete())
                .build();
    }
}
