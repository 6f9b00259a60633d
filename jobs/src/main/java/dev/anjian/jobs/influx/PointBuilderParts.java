package dev.anjian.jobs.influx;

import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/** {@link PointParts} into an influxdb-java {@link Point.Builder}: what {@link LineProtocolMapper#toPoint} returns. */
final class PointBuilderParts implements PointParts {

    private final TimeUnit precision;
    private Point.Builder builder;

    PointBuilderParts(TimeUnit precision) {
        this.precision = precision;
    }

    Point build() {
        return builder.build();
    }

    @Override
    public PointParts measurement(String name) {
        builder = Point.measurement(name);
        return this;
    }

    @Override
    public PointParts tag(String key, String value) {
        builder.tag(key, value);
        return this;
    }

    @Override
    public PointParts field(String key, double value) {
        builder.addField(key, value);
        return this;
    }

    @Override
    public PointParts field(String key, long value) {
        builder.addField(key, value);
        return this;
    }

    @Override
    public PointParts field(String key, String value) {
        builder.addField(key, value);
        return this;
    }

    @Override
    public PointParts field(String key, boolean value) {
        builder.addField(key, value);
        return this;
    }

    @Override
    public void time(long time) {
        builder.time(time, precision);
    }
}
