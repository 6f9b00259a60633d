package dev.anjian.bench.measure;

import java.util.List;

/**
 * The ground truth of a run against what arrived. Latencies in ms: publish of the first breaching reading to
 * its RAISED on Kafka (an upper bound of gateway receipt to alarm: on loopback the publish-to-gateway hop is
 * sub-millisecond to a few ms) and to its SMS at the HTTP peer; publish of the clearing reading to CLEARED;
 * OFFLINE delay = OFFLINE status on Kafka minus (last publish + offline timeout). {@code problems} names
 * every missing or unexpected alarm, status or SMS; {@code offlineMissing} counts missing OFFLINE statuses
 * and missing OFFLINE alarms; {@code flaps} the OFFLINE statuses and alarms (also counted as unexpected) of
 * sensors that were still publishing, but whose messages reached the gateway more than the timeout apart.
 */
public record IncidentReport(
        int breaches, int silences,
        List<Long> raisedLatency, List<Long> clearedLatency, List<Long> smsRaisedLatency, List<Long> offlineDelay,
        int raisedMissing, int clearedMissing, int offlineMissing,
        int smsExpected, int smsMatched, int smsMissing,
        int offlineAlarms, int vehicleAlarms, int duplicateAlarms, int duplicateSms, int flaps, int unexpected,
        List<String> problems) {

    public IncidentReport {
        raisedLatency = List.copyOf(raisedLatency);
        clearedLatency = List.copyOf(clearedLatency);
        smsRaisedLatency = List.copyOf(smsRaisedLatency);
        offlineDelay = List.copyOf(offlineDelay);
        problems = List.copyOf(problems);
    }

    public boolean complete() {
        return raisedMissing == 0 && clearedMissing == 0 && offlineMissing == 0 && smsMissing == 0 && unexpected == 0;
    }
}
