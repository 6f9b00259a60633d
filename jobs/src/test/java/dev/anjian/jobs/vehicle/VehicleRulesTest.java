package dev.anjian.jobs.vehicle;

import static dev.anjian.jobs.TestDevices.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.events.ActiveSafetyEvent;
import dev.anjian.events.ActiveSafetyEvent.Flag;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmIds;
import dev.anjian.events.AlarmState;
import dev.anjian.events.AlarmType;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.VehicleLocation;
import dev.anjian.jobs.Lateness;
import dev.anjian.jobs.RegistryUpdate;
import dev.anjian.jobs.TestDevices;
import dev.anjian.jobs.testing.Harnesses;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A coach with a 100 km/h limit; T0 is 16:00 in Zhengzhou, T0 + 10 h is 02:00 the next night. */
class VehicleRulesTest {

    private static final String VT = "HN-ZZ-FL01-V01";
    private static final int NIGHT = 10 * 3600;
    private static final int HOUR = 3600;

    /** One position report: time, speed, JT/T 808 alarm bits, 1078 video bits, loss and occlusion masks, Su-biao. */
    record Report(int at, double speed, long bits, long video, long loss, long occlusion, List<ActiveSafetyEvent> safety) {
        static Report of(int at, double speed) {
            return new Report(at, speed, 0, 0, 0, 0, List.of());
        }

        static Report bits(int at, long bits) {
            return new Report(at, 50, bits, 0, 0, 0, List.of());
        }

        static Report video(int at, long video, long loss, long occlusion) {
            return new Report(at, 50, 0, video, loss, occlusion, List.of());
        }

        static Report safety(int at, ActiveSafetyEvent... events) {
            return new Report(at, 50, 0, 0, 0, 0, List.of(events));
        }
    }

    record Out(String rule, AlarmState state, int at, int episodeStart) {
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("a level-held bit is one episode while set, cleared when the bit clears",
                        List.of(Report.bits(0, 0b10), Report.bits(5, 0b10), Report.bits(10, 0)),
                        List.of(new Out("jt808:overspeed", AlarmState.RAISED, 0, 0),
                                new Out("jt808:overspeed", AlarmState.CLEARED, 10, 0))),
                Arguments.of("an acknowledge-cleared bit (SOS) rises once; its falling is no news; set again is new",
                        List.of(Report.bits(0, 1), Report.bits(5, 1), Report.bits(10, 0), Report.bits(20, 1)),
                        List.of(new Out("jt808:sos", AlarmState.RAISED, 0, 0),
                                new Out("jt808:sos", AlarmState.RAISED, 20, 20))),
                Arguments.of("collision and rollover warnings (bits 29, 30) are level-held",
                        List.of(Report.bits(0, 1L << 29 | 1L << 30), Report.bits(5, 1L << 30), Report.bits(9, 0)),
                        List.of(new Out("jt808:collision-warning", AlarmState.RAISED, 0, 0),
                                new Out("jt808:rollover-warning", AlarmState.RAISED, 0, 0),
                                new Out("jt808:collision-warning", AlarmState.CLEARED, 5, 0),
                                new Out("jt808:rollover-warning", AlarmState.CLEARED, 9, 0))),
                Arguments.of("JT/T 1078 video signal loss and occlusion per channel",
                        List.of(Report.video(0, 1, 0b101, 0), Report.video(10, 0b11, 0b100, 0b10),
                                Report.video(20, 0, 0, 0)),
                        List.of(new Out("jt1078:video-loss:ch1", AlarmState.RAISED, 0, 0),
                                new Out("jt1078:video-loss:ch3", AlarmState.RAISED, 0, 0),
                                new Out("jt1078:video-loss:ch1", AlarmState.CLEARED, 10, 0),
                                new Out("jt1078:occlusion:ch2", AlarmState.RAISED, 10, 10),
                                new Out("jt1078:video-loss:ch3", AlarmState.CLEARED, 20, 0),
                                new Out("jt1078:occlusion:ch2", AlarmState.CLEARED, 20, 10))),
                Arguments.of("video storage fault (0x14 bit 2) is level-held",
                        List.of(Report.video(0, 0b100, 0, 0), Report.video(30, 0, 0, 0)),
                        List.of(new Out("jt1078:storage-fault", AlarmState.RAISED, 0, 0),
                                new Out("jt1078:storage-fault", AlarmState.CLEARED, 30, 0))),
                Arguments.of("Su-biao DSM start/end is an episode; ADAS without a flag is momentary; END alone is none",
                        List.of(Report.safety(0, dsm(2, Flag.START)), Report.safety(5, dsm(2, Flag.START)),
                                Report.safety(30, dsm(2, Flag.END)), Report.safety(40, adas(1, Flag.NONE)),
                                Report.safety(50, dsm(1, Flag.END)), Report.safety(60, adas(0x11, Flag.NONE))),
                        List.of(new Out("dsm:phone-call", AlarmState.RAISED, 0, 0),
                                new Out("dsm:phone-call", AlarmState.CLEARED, 30, 0),
                                new Out("adas-event:forward-collision", AlarmState.RAISED, 40, 40))),
                Arguments.of("overspeed held 10 s raises from the start of the speeding; a short burst does not",
                        List.of(Report.of(0, 105), Report.of(5, 110), Report.of(10, 104), Report.of(15, 98),
                                Report.of(20, 120), Report.of(25, 90), Report.of(30, 100)),
                        List.of(new Out("overspeed", AlarmState.RAISED, 10, 0),
                                new Out("overspeed", AlarmState.CLEARED, 15, 0))),
                Arguments.of("fatigue: more than 4 h of driving raises, a 20 min rest clears",
                        driving(0, 4 * HOUR, 60).plus(Report.of(4 * HOUR + 30, 60)).plus(Report.of(4 * HOUR + 600, 0))
                                .plus(Report.of(4 * HOUR + 600 + 1199, 2)).plus(Report.of(4 * HOUR + 600 + 1200, 0)).list,
                        List.of(new Out("fatigue-driving", AlarmState.RAISED, 4 * HOUR + 30, 4 * HOUR),
                                new Out("fatigue-driving", AlarmState.CLEARED, 4 * HOUR + 1800, 4 * HOUR))),
                Arguments.of("fatigue: a 20 min stop, or 20 min without reports, restarts the driving time",
                        driving(0, 3 * HOUR, 60).plus(Report.of(3 * HOUR + 60, 0)).plus(Report.of(3 * HOUR + 1260, 0))
                                .plus(driving(3 * HOUR + 1300, 5 * HOUR, 60)).plus(Report.of(6 * HOUR + 1200, 60))
                                .plus(driving(6 * HOUR + 1230, 9 * HOUR, 60)).list,
                        List.of()),
                Arguments.of("a coach moving between 02:00 and 05:00 local time (reports every 10 min); clears at 05:00",
                        driving(NIGHT - 600, NIGHT + 3 * HOUR, 600).list,
                        List.of(new Out("night-driving", AlarmState.RAISED, NIGHT, NIGHT),
                                new Out("night-driving", AlarmState.CLEARED, NIGHT + 3 * HOUR, NIGHT))),
                Arguments.of("a report older than the newest one evaluated is not evaluated",
                        List.of(Report.bits(10, 0b10), Report.bits(5, 0), Report.bits(20, 0b10)),
                        List.of(new Out("jt808:overspeed", AlarmState.RAISED, 10, 10))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void emitsExactlyTheExpectedVehicleEpisodes(String scenario, List<Report> reports, List<Out> expected)
            throws Exception {
        try (var harness = open()) {
            for (Report report : reports) {
                send(harness, report);
            }
            List<AlarmEvent> alarms = harness.extractOutputValues();
            assertThat(alarms).extracting(a -> new Out(a.rule(), a.state(), seconds(a.eventTime()),
                    seconds(a.episodeStart()))).containsExactlyElementsOf(expected);
            assertThat(alarms).allSatisfy(a -> {
                assertThat(a.type()).isEqualTo(AlarmType.VEHICLE);
                assertThat(a.alarmId()).isEqualTo(AlarmIds.of(VT, a.rule(), a.episodeStart()));
                assertThat(a.enterpriseId()).isEqualTo("E-ZZ-BUS");
            });
        }
    }

    @Test
    void episodeStateDropsWhenEpisodesEndAndEverythingGoesWithTheDevice() throws Exception {
        try (var harness = open()) {
            send(harness, new Report(0, 50, 0b10, 0, 0b1, 0, List.of(dsm(3, Flag.START))));
            assertThat(harness.numKeyedStateEntries()).as("registration, track, open episodes").isEqualTo(3);
            send(harness, new Report(10, 50, 0, 0, 0, 0, List.of(dsm(3, Flag.END))));
            assertThat(harness.numKeyedStateEntries()).as("registration and track").isEqualTo(2);

            harness.processElement2(RegistryUpdate.removed(VT), at(20));
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numProcessingTimeTimers()).isZero();
        }
    }

    @Test
    void aTerminalSilentForTheTrackTtlHasItsOpenEpisodesClearedThenIsForgotten() throws Exception {
        long ttl = VehicleRules.TRACK_TTL.toMillis();
        try (var harness = open()) {
            harness.setProcessingTime(at(0));
            send(harness, Report.bits(0, 0b10));
            harness.setProcessingTime(at(60));
            send(harness, Report.bits(60, 0b10)); // a later report moves the silence deadline
            assertThat(harness.numProcessingTimeTimers()).as("one silence timer per terminal").isEqualTo(1);

            harness.setProcessingTime(at(0) + ttl);
            assertThat(harness.extractOutputValues()).as("not silent long enough yet").hasSize(1);
            assertThat(harness.numProcessingTimeTimers()).as("re-armed for the later report").isEqualTo(1);

            harness.setProcessingTime(at(60) + ttl);
            assertThat(harness.extractOutputValues())
                    .extracting(AlarmEvent::rule, AlarmEvent::state, AlarmEvent::alarmId, AlarmEvent::note,
                            AlarmEvent::eventTime)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("jt808:overspeed", AlarmState.RAISED,
                                    AlarmIds.of(VT, "jt808:overspeed", at(0)), null, at(0)),
                            org.assertj.core.groups.Tuple.tuple("jt808:overspeed", AlarmState.CLEARED,
                                    AlarmIds.of(VT, "jt808:overspeed", at(0)), "no report for 7 days", at(60) + ttl));
            assertThat(harness.numKeyedStateEntries()).as("only the registration").isEqualTo(1);
            assertThat(harness.numProcessingTimeTimers()).isZero();

            harness.setProcessingTime(at(60) + ttl + 1000);
            send(harness, Report.bits(60 + (int) (ttl / 1000) + 1, 0b10));
            assertThat(harness.extractOutputValues()).as("set again after the end: a new episode").hasSize(3)
                    .last().extracting(AlarmEvent::state).isEqualTo(AlarmState.RAISED);
        }
    }

    @Test
    void alarmsFromBackfilledReportsAreMarked() throws Exception {
        try (var harness = open()) {
            harness.processElement1(DeviceEvent.location(VT, at(0), at(0) + 600_000, true,
                    new VehicleLocation(34.7, 113.6, 100, 50, 90, 1L, 3L)), at(0));
            assertThat(harness.extractOutputValues()).extracting(AlarmEvent::rule, AlarmEvent::backfilled)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("jt808:sos", true));
        }
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, DeviceEvent, RegistryUpdate, AlarmEvent> open()
            throws Exception {
        var harness = Harnesses.open(new VehicleRules(new Lateness(300_000), VehicleRuleSettings.defaults()),
                DeviceEvent::deviceId, RegistryUpdate::deviceId);
        harness.processElement2(RegistryUpdate.registered(TestDevices.vehicleTerminal(VT)), at(0));
        return harness;
    }

    private static void send(KeyedTwoInputStreamOperatorTestHarness<String, DeviceEvent, RegistryUpdate, AlarmEvent> h,
            Report r) throws Exception {
        VehicleLocation location = new VehicleLocation(34.7466, 113.6253, 110, r.speed(), 90, r.bits(), 3L, r.video(),
                r.loss(), r.occlusion(), r.safety());
        h.processElement1(DeviceEvent.location(VT, at(r.at()), at(r.at()) + 500, false, location), at(r.at()));
    }

    private static ActiveSafetyEvent dsm(int type, Flag flag) {
        return new ActiveSafetyEvent(ActiveSafetyEvent.System.DSM, 7, flag, type, 2, "");
    }

    private static ActiveSafetyEvent adas(int type, Flag flag) {
        return new ActiveSafetyEvent(ActiveSafetyEvent.System.ADAS, 8, flag, type, 1, "");
    }

    /** Reports every {@code step} seconds at 60 km/h from {@code from} to {@code to}. */
    private static Reports driving(int from, int to, int step) {
        Reports reports = new Reports();
        for (int t = from; t <= to; t += step) {
            reports.list.add(Report.of(t, 60));
        }
        return reports;
    }

    private static final class Reports {
        final List<Report> list = new ArrayList<>();

        Reports plus(Report report) {
            list.add(report);
            return this;
        }

        Reports plus(Reports more) {
            list.addAll(more.list);
            return this;
        }
    }

    private static int seconds(long epochMillis) {
        return (int) ((epochMillis - at(0)) / 1000);
    }
}
