package dev.anjian.jobs.influx;

import org.influxdb.dto.Point;

/**
 * A {@link PointMapper} that describes each point once, in {@link PointParts}: the sink's batch takes the parts
 * as line-protocol bytes directly, and {@link #toPoint} builds the same point as an influxdb-java Point (for
 * callers that want one, and for tests comparing both).
 */
public abstract class LineProtocolMapper<T> implements PointMapper<T> {

    private static final long serialVersionUID = 1L;

    /** Gives the element's point to {@code parts}, time last; false when the element has nothing to store. */
    protected abstract boolean describe(T element, PointParts parts);

    @Override
    public final Point toPoint(T element) {
        PointBuilderParts parts = new PointBuilderParts(precision());
        return describe(element, parts) ? parts.build() : null;
    }

    @Override
    public final boolean appendTo(LineBatch batch, T element) {
        int before = batch.lines();
        return describe(element, batch) && batch.lines() > before;
    }
}
