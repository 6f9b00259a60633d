package dev.anjian.jobs.offline;

import dev.anjian.events.DeviceEvent;

/**
 * {@link InputLag} per kind of event, and the largest of them: readings, vehicle locations and connectivity
 * events come through different gateways and queues (an MQTT bridge or endpoint, the JT/T 808 gateway), and one
 * path may be seconds behind while another is fresh. The load harness showed it: the JT/T 808 terminals' fresh
 * reports made a single minimum say "caught up" while the MQTT readings queued in ingest, and sensors still
 * publishing were reported OFFLINE. Within one kind the minimum still keeps one gateway's slow clock from holding
 * everyone; across kinds a stuck or skewed path holds OFFLINE judgements at most offline.max-lag-hold.
 */
final class InputLags {

    private final InputLag[] byType = new InputLag[DeviceEvent.Type.values().length];

    InputLags() {
        for (int i = 0; i < byType.length; i++) {
            byType[i] = new InputLag();
        }
    }

    void sample(DeviceEvent.Type type, long receivedAt, long now) {
        byType[type.ordinal()].sample(receivedAt, now);
    }

    /** The largest estimate of any kind at processing time {@code now}, in ms. */
    long millis(long now) {
        long largest = 0;
        for (InputLag lag : byType) {
            largest = Math.max(largest, lag.millis(now));
        }
        return largest;
    }
}
