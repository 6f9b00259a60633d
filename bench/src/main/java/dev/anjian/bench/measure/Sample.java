package dev.anjian.bench.measure;

/**
 * One reading of every counter of a run, taken once a second: seconds since the load started, MQTT
 * messages published and acknowledged by the generator, records on device-events, points InfluxDB accepted
 * into the run's database, the job's committed offset on device-events (-1: unknown), JT/T 808 reports
 * acknowledged, alarms and OFFLINE statuses seen so far.
 */
public record Sample(double seconds, long published, long acked, long kafkaEvents, long influxPoints, long committed,
        long vehicleAcked, long alarms, long offline) {

    /**
     * Readings published but not yet stored: 3 per published message (plus one per JT/T 808 report) minus the
     * points in InfluxDB. Grows when any stage falls behind: broker, gateway, Kafka, job or sink. (Alarm and
     * status points, a few per second, count as stored readings: negligible.)
     */
    public long backlog() {
        return Math.max(0, published * 3 + vehicleAcked - influxPoints);
    }

    /** Events on Kafka not yet points in InfluxDB: the job's and its sink's share of the backlog. */
    public long kafkaBacklog() {
        return Math.max(0, kafkaEvents - influxPoints);
    }
}
