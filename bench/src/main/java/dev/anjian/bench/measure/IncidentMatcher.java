package dev.anjian.bench.measure;

import dev.anjian.bench.load.Fleet;
import dev.anjian.bench.load.IncidentLog;
import dev.anjian.bench.load.IncidentPlan;
import dev.anjian.bench.measure.EventWatcher.Arrival;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmState;
import dev.anjian.events.AlarmType;
import dev.anjian.events.DeviceStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Matches the planned incidents against the alarms, statuses and SMS that arrived. A breach of sensor s
 * expects exactly: a THRESHOLD RAISED on CH4 whose episodeStart is the ts of the first breaching reading
 * sent, a CLEARED whose eventTime is the ts of the first normal reading after it, and one SMS for each
 * (alerting's ledger key, in the SMS ref, names alarm and state). A silence expects one OFFLINE status,
 * one OFFLINE alarm RAISED and its SMS, all arriving after the sensor's last reading, the final ones of the
 * sensor (OFFLINEs it came back ONLINE from were flapping while it still published: unexpected). Vehicle alarms (the simulator's scripted overspeed) are counted
 * apart; vehicle OFFLINE statuses arriving after {@code vehiclesStoppedAt} (the terminals stop with the
 * load) are ignored. A repeat of an alarm state or SMS (at-least-once) counts as a duplicate; anything else
 * is unexpected and named in the problems.
 */
public final class IncidentMatcher {

    private static final int PROBLEMS_LISTED = 20;

    private enum Kind { RAISED, CLEARED, OFFLINE }

    private record Incident(int sensor, Kind kind) {
    }

    private final IncidentPlan plan;
    private final IncidentLog log;
    private final long offlineTimeoutMs;
    private final long vehiclesStoppedAt;
    private final Map<Integer, Long> raised = new HashMap<>();
    private final Map<Integer, Long> cleared = new HashMap<>();
    private final Map<Integer, Long> offline = new HashMap<>();
    private final Set<Integer> offlineAlarmed = new HashSet<>();
    private final Map<String, Incident> byAlarmState = new HashMap<>();
    private final List<Long> smsRaised = new ArrayList<>();
    private final Set<String> smsFor = new HashSet<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<Integer, Arrival<DeviceStatus>> finalStatus = new HashMap<>();
    private final Set<String> clearedOffline = new HashSet<>();
    private final Map<String, Integer> duplicatesByKind = new TreeMap<>();
    private int duplicateAlarms;
    private int duplicateSms;
    private int flaps;
    private int unexpected;
    private int vehicleAlarms;
    private int problemCount;

    private IncidentMatcher(IncidentPlan plan, IncidentLog log, long offlineTimeoutMs, long vehiclesStoppedAt) {
        this.plan = plan;
        this.log = log;
        this.offlineTimeoutMs = offlineTimeoutMs;
        this.vehiclesStoppedAt = vehiclesStoppedAt;
    }

    public static IncidentReport match(IncidentPlan plan, IncidentLog log, long offlineTimeoutMs, long vehiclesStoppedAt,
            List<Arrival<AlarmEvent>> alarms, List<Arrival<DeviceStatus>> statuses, List<SmsPeer.Receipt> sms) {
        IncidentMatcher m = new IncidentMatcher(plan, log, offlineTimeoutMs, vehiclesStoppedAt);
        m.finalEpisodes(alarms, statuses);
        Set<String> seen = new HashSet<>();
        for (Arrival<AlarmEvent> a : alarms) {
            if (seen.add(a.value().alarmId() + "/" + a.value().state())) {
                m.alarm(a.value(), a.arrivedAt());
            } else {
                m.duplicateAlarms++;
                m.duplicatesByKind.merge(a.value().type() + " " + a.value().state(), 1, Integer::sum);
            }
        }
        statuses.stream().filter(s -> s.value().status() == DeviceStatus.Status.OFFLINE)
                .forEach(s -> m.offline(s.value(), s.arrivedAt()));
        Set<String> seenSms = new HashSet<>();
        for (SmsPeer.Receipt r : sms) {
            if (seenSms.add(r.alarmId() + "/" + r.state() + "/" + r.recipient())) {
                m.sms(r);
            } else {
                m.duplicateSms++;
            }
        }
        return m.report();
    }

    /**
     * A silenced sensor's OFFLINE is its last status and the OFFLINE alarm that was never cleared; earlier ones
     * (the sensor came back ONLINE after them) are flapping while it was still publishing.
     */
    private void finalEpisodes(List<Arrival<AlarmEvent>> alarms, List<Arrival<DeviceStatus>> statuses) {
        for (Arrival<DeviceStatus> st : statuses) {
            int s = sensorIndex(st.value().deviceId());
            if (plan.silenced(s)) {
                finalStatus.put(s, st);
            }
        }
        alarms.stream().filter(a -> a.value().type() == AlarmType.OFFLINE && a.value().state() == AlarmState.CLEARED)
                .forEach(a -> clearedOffline.add(a.value().alarmId()));
    }

    private void alarm(AlarmEvent e, long arrivedAt) {
        if (e.deviceId().startsWith("V")) { // the scripted overspeed, and OFFLINE once the terminals stopped
            vehicleAlarms++;
            return;
        }
        int s = sensorIndex(e.deviceId());
        boolean breach = s >= 0 && e.type() == AlarmType.THRESHOLD && "CH4".equals(e.metric()) && plan.hasBreach(s);
        if (breach && e.state() == AlarmState.RAISED && e.episodeStart() == log.firstBreach(s) && !raised.containsKey(s)) {
            raised.put(s, arrivedAt - log.firstBreach(s));
            byAlarmState.put(e.alarmId() + "/RAISED", new Incident(s, Kind.RAISED));
        } else if (breach && e.state() == AlarmState.CLEARED && e.eventTime() == log.firstClear(s) && !cleared.containsKey(s)) {
            cleared.put(s, arrivedAt - log.firstClear(s));
            byAlarmState.put(e.alarmId() + "/CLEARED", new Incident(s, Kind.CLEARED));
        } else if (e.type() == AlarmType.OFFLINE && plan.silenced(s) && e.state() == AlarmState.RAISED
                && !clearedOffline.contains(e.alarmId()) && arrivedAt > log.lastPublish(s) && offlineAlarmed.add(s)) {
            byAlarmState.put(e.alarmId() + "/RAISED", new Incident(s, Kind.OFFLINE));
        } else if (e.type() == AlarmType.OFFLINE && plan.silenced(s)) {
            flaps++;
            unexpected("OFFLINE alarm " + e.state() + " of " + e.deviceId() + " while it was still publishing (flapping)");
        } else {
            unexpected("unexpected alarm " + e.state() + " " + e.type() + " " + e.rule() + " of " + e.deviceId()
                    + " (episode start " + e.episodeStart() + ", event time " + e.eventTime() + ")");
        }
    }

    private void offline(DeviceStatus status, long arrivedAt) {
        int s = sensorIndex(status.deviceId());
        if (status.deviceId().startsWith("V") && arrivedAt >= vehiclesStoppedAt) {
            return; // the terminals were stopped at the end of the load: their OFFLINE follows by design
        }
        if (!plan.silenced(s)) {
            unexpected("unexpected OFFLINE of " + status.deviceId() + " (" + status.reason() + ")");
        } else if (finalStatus.get(s).value() != status || arrivedAt <= log.lastPublish(s)) {
            flaps++;
            unexpected("OFFLINE of " + status.deviceId() + " while it was still publishing (" + status.reason() + ")");
        } else {
            offline.put(s, arrivedAt - (log.lastPublish(s) + offlineTimeoutMs));
        }
    }

    private void sms(SmsPeer.Receipt r) {
        Incident incident = byAlarmState.get(r.alarmId() + "/" + r.state());
        if (incident == null) {
            unexpected("SMS for an alarm not in the ground truth: " + r.alarmId() + " " + r.state() + " to " + r.recipient());
            return;
        }
        smsFor.add(incident.kind() + "/" + incident.sensor());
        if (incident.kind() == Kind.RAISED) {
            smsRaised.add(r.receivedAt() - log.firstBreach(incident.sensor()));
        }
    }

    private IncidentReport report() {
        int raisedMissing = missing("RAISED", plan.breaches().stream().map(IncidentPlan.Breach::sensor).toList(), raised.keySet());
        int clearedMissing = missing("CLEARED", plan.breaches().stream().map(IncidentPlan.Breach::sensor).toList(), cleared.keySet());
        List<Integer> silenced = plan.silences().stream().map(IncidentPlan.Silence::sensor).toList();
        int offlineMissing = missing("OFFLINE status", silenced, offline.keySet())
                + missing("OFFLINE alarm", silenced, offlineAlarmed);
        int smsExpected = plan.breaches().size() * 2 + silenced.size();
        List<String> expectedSms = new ArrayList<>();
        plan.breaches().forEach(b -> {
            expectedSms.add("RAISED/" + b.sensor());
            expectedSms.add("CLEARED/" + b.sensor());
        });
        silenced.forEach(s -> expectedSms.add("OFFLINE/" + s));
        List<String> smsMissing = expectedSms.stream().filter(k -> !smsFor.contains(k)).toList();
        smsMissing.forEach(k -> problem("missing SMS for " + k.replace("/", " of sensor ")));
        return new IncidentReport(plan.breaches().size(), silenced.size(), List.copyOf(raised.values()),
                List.copyOf(cleared.values()), smsRaised, List.copyOf(offline.values()), raisedMissing, clearedMissing,
                offlineMissing, smsExpected, smsExpected - smsMissing.size(), smsMissing.size(), offlineAlarmed.size(),
                vehicleAlarms, duplicateAlarms, duplicateSms, flaps, unexpected, problemList());
    }

    private int missing(String what, List<Integer> expected, Set<Integer> found) {
        int n = 0;
        for (int s : expected) {
            if (!found.contains(s)) {
                n++;
                problem("missing " + what + " of " + Fleet.sensorId(s));
            }
        }
        return n;
    }

    private void unexpected(String what) {
        unexpected++;
        problem(what);
    }

    private void problem(String what) {
        problemCount++;
        if (problems.size() < PROBLEMS_LISTED) {
            problems.add(what);
        }
    }

    private List<String> problemList() {
        List<String> list = new ArrayList<>();
        if (!duplicatesByKind.isEmpty()) {
            list.add("alarm states that arrived more than once, by type: " + duplicatesByKind);
        }
        list.addAll(problems);
        if (problemCount > problems.size()) {
            list.add("... and " + (problemCount - problems.size()) + " more");
        }
        return list;
    }

    /** {@code S000042} -> 42; -1 for ids that are not the fleet's sensors. */
    static int sensorIndex(String deviceId) {
        if (deviceId.length() != 7 || deviceId.charAt(0) != 'S') {
            return -1;
        }
        try {
            return Integer.parseInt(deviceId.substring(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
