package dev.anjian.jobs.influx;

/**
 * The parts of one InfluxDB point, given in line-protocol order: the measurement, then tags sorted by key,
 * then fields sorted by key, then the time, which ends the point. Sorted, so that the line is the one
 * influxdb-java's Point (TreeMaps) wrote, and InfluxDB need not sort the tags itself. As influxdb-java: an
 * empty tag value means no tag, a null one is an error; a NaN or infinite double means no field (a point left
 * without any field is not stored); a null string field is an error.
 */
public interface PointParts {

    PointParts measurement(String name);

    PointParts tag(String key, String value);

    PointParts field(String key, double value);

    PointParts field(String key, long value);

    PointParts field(String key, String value);

    PointParts field(String key, boolean value);

    /** Ends the point; {@code time} in the mapper's {@link PointMapper#precision()}. */
    void time(long time);
}
