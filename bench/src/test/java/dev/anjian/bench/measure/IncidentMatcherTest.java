package dev.anjian.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.bench.load.IncidentLog;
import dev.anjian.bench.load.IncidentPlan;
import dev.anjian.bench.measure.EventWatcher.Arrival;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmState;
import dev.anjian.events.AlarmType;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.DeviceStatus;
import dev.anjian.events.Industry;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncidentMatcherTest {

    private static final long T0 = 1_764_403_200_000L;
    private static final long TIMEOUT = 10_000;
    private static final long VEHICLES_STOPPED = T0 + 100_000;

    /** Breaches on sensors 0 and 10, a silence on sensor 20. */
    private final IncidentPlan plan = IncidentPlan.spread(100, 10, 2, 1, 10_000, 10_000, 60_000, 3_000, TIMEOUT);
    private final IncidentLog log = new IncidentLog(100);

    @BeforeEach
    void sent() {
        log.breachSent(0, T0);
        log.breachSent(0, T0 + 300); // only the first breaching reading counts
        log.normalSentAfterBreach(0, T0 + 3_500);
        log.breachSent(10, T0 + 20_000);
        log.normalSentAfterBreach(10, T0 + 23_400);
        log.normalSentAfterBreach(5, T0 + 1); // no breach: no clearing reading
        log.sent(20, T0 + 30_000);
    }

    @Test
    void everyIncidentMatchedGivesItsLatencies() {
        IncidentReport r = IncidentMatcher.match(plan, log, TIMEOUT, VEHICLES_STOPPED,
                List.of(raised("A0", 0, T0, T0 + 250), cleared("A0", 0, T0, T0 + 3_500, T0 + 3_600),
                        raised("A10", 10, T0 + 20_000, T0 + 20_400), cleared("A10", 10, T0 + 20_000, T0 + 23_400, T0 + 23_420),
                        offlineAlarm("A20", 20, T0 + 40_000)),
                List.of(status("S000020", DeviceStatus.Status.OFFLINE, T0 + 40_300),
                        status("S000001", DeviceStatus.Status.ONLINE, T0 + 5)),
                List.of(sms("A0", "RAISED", T0 + 900), sms("A0", "CLEARED", T0 + 4_000), sms("A10", "RAISED", T0 + 20_500),
                        sms("A10", "CLEARED", T0 + 24_000), sms("A20", "RAISED", T0 + 41_000)));

        assertThat(r.raisedLatency()).containsExactlyInAnyOrder(250L, 400L);
        assertThat(r.clearedLatency()).containsExactlyInAnyOrder(100L, 20L);
        assertThat(r.smsRaisedLatency()).containsExactlyInAnyOrder(900L, 500L);
        assertThat(r.offlineDelay()).containsExactly(300L); // 40,300 - (30,000 + 10,000)
        assertThat(r.smsMatched()).isEqualTo(5);
        assertThat(r.offlineAlarms()).isEqualTo(1);
        assertThat(r.problems()).isEmpty();
        assertThat(r.complete()).isTrue();
    }

    @Test
    void missingUnexpectedAndDuplicateArrivalsAreNamed() {
        IncidentReport r = IncidentMatcher.match(plan, log, TIMEOUT, VEHICLES_STOPPED,
                List.of(raised("A0", 0, T0, T0 + 250), cleared("A0", 0, T0, T0 + 3_500, T0 + 3_600),
                        raised("A10", 10, T0 + 20_000, T0 + 20_400), raised("A10", 10, T0 + 20_000, T0 + 20_900),
                        offlineAlarm("A20", 20, T0 + 40_000), vehicleAlarm("AV1"),
                        raised("A5", 5, T0 + 7, T0 + 50)),
                List.of(status("S000020", DeviceStatus.Status.OFFLINE, T0 + 40_300),
                        status("V000003", DeviceStatus.Status.OFFLINE, VEHICLES_STOPPED + 60_000),
                        status("S000030", DeviceStatus.Status.OFFLINE, T0 + 50_000)),
                List.of(sms("A0", "RAISED", T0 + 900), sms("A0", "RAISED", T0 + 950), sms("A0", "CLEARED", T0 + 4_000),
                        sms("A10", "RAISED", T0 + 20_500), sms("A20", "RAISED", T0 + 41_000), sms("AX", "RAISED", T0)));

        assertThat(r.clearedMissing()).isEqualTo(1);
        assertThat(r.raisedMissing()).isZero();
        assertThat(r.smsMissing()).isEqualTo(1);
        assertThat(r.duplicateAlarms()).isEqualTo(1);
        assertThat(r.duplicateSms()).isEqualTo(1);
        assertThat(r.problems()).contains("alarm states that arrived more than once, by type: {THRESHOLD RAISED=1}");
        assertThat(r.unexpected()).isEqualTo(3); // the alarm of sensor 5, OFFLINE of sensor 30, the SMS for AX
        assertThat(r.vehicleAlarms()).isEqualTo(1);
        assertThat(r.raisedLatency()).containsExactlyInAnyOrder(250L, 400L); // the first RAISED of A10 counts
        assertThat(r.problems()).contains("missing CLEARED of S000010", "missing SMS for CLEARED of sensor 10",
                "unexpected OFFLINE of S000030 (timeout)");
        assertThat(r.problems()).anyMatch(p -> p.startsWith("unexpected alarm RAISED THRESHOLD threshold:CH4 of S000005"));
        assertThat(r.complete()).isFalse();
    }

    @Test
    void aRaisedWhoseEpisodeDoesNotStartAtTheFirstBreachIsNotAMatch() {
        IncidentReport r = IncidentMatcher.match(plan, log, TIMEOUT, VEHICLES_STOPPED,
                List.of(raised("A0", 0, T0 + 300, T0 + 400)), List.of(), List.of());
        assertThat(r.raisedMissing()).isEqualTo(2);
        assertThat(r.unexpected()).isEqualTo(1);
    }

    @Test
    void offlineEpisodesTheSensorCameBackFromAreFlapsNotTheSilence() {
        // its messages reached the gateway more than 10 s apart while it still published (last reading at 30,000)
        IncidentReport r = IncidentMatcher.match(plan, log, TIMEOUT, VEHICLES_STOPPED,
                List.of(offlineAlarm("A20early", 20, T0 + 12_000), offlineCleared("A20early", 20, T0 + 12_500),
                        offlineAlarm("A20", 20, T0 + 40_000)),
                List.of(status("S000020", DeviceStatus.Status.OFFLINE, T0 + 12_000),
                        status("S000020", DeviceStatus.Status.ONLINE, T0 + 12_600),
                        status("S000020", DeviceStatus.Status.OFFLINE, T0 + 40_300)),
                List.of(sms("A20early", "RAISED", T0 + 12_500), sms("A20", "RAISED", T0 + 41_000)));
        assertThat(r.offlineDelay()).containsExactly(300L);
        assertThat(r.offlineMissing()).isZero();
        assertThat(r.flaps()).isEqualTo(3); // the early OFFLINE status, its RAISED and its CLEARED
        assertThat(r.unexpected()).isEqualTo(4); // and the SMS of the early alarm
        assertThat(r.problems()).contains("OFFLINE of S000020 while it was still publishing (timeout)");
    }

    @Test
    void anOfflineTheSensorCameBackFromIsNotTheSilenceEvenAfterItsLastReading() {
        IncidentReport r = IncidentMatcher.match(plan, log, TIMEOUT, VEHICLES_STOPPED,
                List.of(offlineAlarm("A20", 20, T0 + 41_000), offlineCleared("A20", 20, T0 + 42_000)),
                List.of(status("S000020", DeviceStatus.Status.OFFLINE, T0 + 41_000),
                        status("S000020", DeviceStatus.Status.ONLINE, T0 + 42_000)),
                List.of());
        assertThat(r.offlineMissing()).isEqualTo(2); // neither a final OFFLINE status nor an uncleared alarm
        assertThat(r.flaps()).isEqualTo(3);
    }

    @Test
    void sensorIndexReadsOnlyTheFleetsIds() {
        assertThat(IncidentMatcher.sensorIndex("S000042")).isEqualTo(42);
        assertThat(IncidentMatcher.sensorIndex("V000042")).isEqualTo(-1);
        assertThat(IncidentMatcher.sensorIndex("S00004x")).isEqualTo(-1);
        assertThat(IncidentMatcher.sensorIndex("HN-PDS-CM01")).isEqualTo(-1);
    }

    private static Arrival<AlarmEvent> raised(String id, int sensor, long episodeStart, long arrivedAt) {
        return new Arrival<>(alarm(id, AlarmState.RAISED, AlarmType.THRESHOLD, String.format("S%06d", sensor), "CH4",
                episodeStart, episodeStart), arrivedAt);
    }

    private static Arrival<AlarmEvent> cleared(String id, int sensor, long episodeStart, long eventTime, long arrivedAt) {
        return new Arrival<>(alarm(id, AlarmState.CLEARED, AlarmType.THRESHOLD, String.format("S%06d", sensor), "CH4",
                episodeStart, eventTime), arrivedAt);
    }

    private static Arrival<AlarmEvent> offlineAlarm(String id, int sensor, long arrivedAt) {
        return new Arrival<>(alarm(id, AlarmState.RAISED, AlarmType.OFFLINE, String.format("S%06d", sensor), null,
                arrivedAt - 5, arrivedAt - 5), arrivedAt);
    }

    private static Arrival<AlarmEvent> offlineCleared(String id, int sensor, long arrivedAt) {
        return new Arrival<>(alarm(id, AlarmState.CLEARED, AlarmType.OFFLINE, String.format("S%06d", sensor), null,
                arrivedAt - 500, arrivedAt), arrivedAt);
    }

    private static Arrival<AlarmEvent> vehicleAlarm(String id) {
        return new Arrival<>(alarm(id, AlarmState.RAISED, AlarmType.VEHICLE, "V000001", null, T0, T0), T0 + 10);
    }

    private static AlarmEvent alarm(String id, AlarmState state, AlarmType type, String device, String metric,
            long episodeStart, long eventTime) {
        String rule = type == AlarmType.THRESHOLD ? "threshold:" + metric : type.name().toLowerCase();
        return new AlarmEvent(id, state, type, rule, device, "BE0001", "bench mine", "410400", Industry.COAL_MINE, "",
                metric, "%", 1, 1.2, 1.0, episodeStart, eventTime, false, null, null);
    }

    private static Arrival<DeviceStatus> status(String device, DeviceStatus.Status status, long arrivedAt) {
        return new Arrival<>(new DeviceStatus(device, status, arrivedAt - 100, "timeout", "BE0001", "410400",
                Industry.COAL_MINE, DeviceKind.GAS_SENSOR), arrivedAt);
    }

    private static SmsPeer.Receipt sms(String alarmId, String state, long at) {
        return new SmsPeer.Receipt(alarmId, state, "BE0001.safety", "13800000001", "text", at);
    }
}
