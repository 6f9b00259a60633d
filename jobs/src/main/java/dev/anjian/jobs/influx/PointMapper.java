package dev.anjian.jobs.influx;

import java.io.Serializable;
import org.influxdb.dto.Point;

/** How a stream element becomes an InfluxDB point; null when the element has nothing to store. */
@FunctionalInterface
public interface PointMapper<T> extends Serializable {

    Point toPoint(T element);
}
