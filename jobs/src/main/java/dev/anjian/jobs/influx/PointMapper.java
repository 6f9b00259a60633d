package dev.anjian.jobs.influx;

import java.io.Serializable;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * How a stream element becomes an InfluxDB point; null when the element has nothing to store. The sink appends
 * points to its batch with {@link #appendTo}: by default through {@link #toPoint} (correct but slow: an
 * influxdb-java Point and its line per element); {@link LineProtocolMapper}s write the line directly.
 */
@FunctionalInterface
public interface PointMapper<T> extends Serializable {

    Point toPoint(T element);

    /** The unit of the points' times, and so of the write requests ({@code precision=ms}). */
    default TimeUnit precision() {
        return TimeUnit.MILLISECONDS;
    }

    /** Appends the element's point to {@code batch}; false when the element has nothing to store. */
    default boolean appendTo(LineBatch batch, T element) {
        Point point = toPoint(element);
        return point != null && batch.append(point, precision());
    }
}
