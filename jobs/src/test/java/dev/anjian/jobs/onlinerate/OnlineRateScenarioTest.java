package dev.anjian.jobs.onlinerate;

import static dev.anjian.jobs.onlinerate.Scenario.D;
import static dev.anjian.jobs.onlinerate.Scenario.FLEET;
import static dev.anjian.jobs.onlinerate.Scenario.MINE;
import static dev.anjian.jobs.onlinerate.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A day of Zhengzhou's dangerous-goods fleet (E-ZZ-DG, region 410100) and one coal-mine sensor, through both
 * keyed stages, with and without a job restart at 13:00 (snapshot and restore of both operators). Figures
 * hand-computed, in seconds; day 0 is 2026-11-29 (local, GMT+8):
 * <pre>
 * device  registered            status (since)                              day 0 registered  online   reported
 * V1      day -1 00:00          ON -1 20:00, OFF 02:00, ON 08:00            86400             64800    yes (since -1)
 * V2      day -1 00:00          never seen                                  86400                 0    no
 * V3      12:00                 ON 10:00 (before registration), OFF 18:00   43200             21600    yes
 * V4      day -1 00:00, removed 06:00   ON -1 10:00                         21600             21600    yes (since -1)
 * V5      day -1 00:00          flapping 09:00-10:00 (30 + 10 + 3480 s)     86400              3520    yes
 * G1      day -1 00:00 (mine)   ON -1 00:00, never off                      86400             86400    yes
 * </pre>
 */
class OnlineRateScenarioTest {

    private static final String FLEET_SCOPE = "REGION_VEHICLE_CLASS:410100/DANGEROUS_GOODS";

    @ParameterizedTest(name = "restart at 13:00: {0}")
    @ValueSource(booleans = {false, true})
    void theDayOfTheFleetExactToTheSecond(boolean restart) throws Exception {
        try (OnlineRateRig rig = new OnlineRateRig(at(-1, "00:00") - 60)) {
            day(rig, restart);

            ScopeFigures fleet = rig.completeDay(FLEET_SCOPE, D);
            assertThat(fleet).isEqualTo(new ScopeFigures("REGION_VEHICLE_CLASS", "410100/DANGEROUS_GOODS",
                    at(0, "00:00") * 1000, at(1, "00:00") * 1000, 5, 4, 1, 4,
                    64_800 + 21_600 + 21_600 + 3_520, 86_400 * 3 + 43_200 + 21_600, true));
            assertThat(fleet.onlineRate()).isEqualTo(111_520.0 / 324_000);
            assertThat(fleet.reportingRate()).isEqualTo(0.8);
            assertThat(rig.completeDay("ENTERPRISE:E-ZZ-DG", D)).extracting(ScopeFigures::onlineSeconds,
                    ScopeFigures::registeredSeconds).containsExactly(111_520L, 324_000L);

            assertThat(rig.completeDay("ALL:all", D)).extracting(ScopeFigures::registered, ScopeFigures::registeredNow,
                    ScopeFigures::onlineNow, ScopeFigures::reported, ScopeFigures::onlineSeconds,
                    ScopeFigures::registeredSeconds).containsExactly(6L, 5L, 2L, 5L, 197_920L, 410_400L);
            assertThat(rig.completeDay("REGION:410400", D)).extracting(ScopeFigures::onlineSeconds,
                    ScopeFigures::registeredSeconds, ScopeFigures::reported).containsExactly(86_400L, 86_400L, 1L);
        }
    }

    @Test
    void theDayBeforeCountsTheEveningOnlineTime() throws Exception {
        try (OnlineRateRig rig = new OnlineRateRig(at(-1, "00:00") - 60)) {
            day(rig, false);

            assertThat(rig.completeDay(FLEET_SCOPE, D - 1)).isEqualTo(new ScopeFigures("REGION_VEHICLE_CLASS",
                    "410100/DANGEROUS_GOODS", at(-1, "00:00") * 1000, at(0, "00:00") * 1000, 4, 4, 2, 2,
                    4 * 3600 + 14 * 3600, 4 * 86_400, true));
        }
    }

    @Test
    void everyTickEmitsTheDaySoFarAndWhoIsOnlineNow() throws Exception {
        try (OnlineRateRig rig = new OnlineRateRig(at(-1, "00:00") - 60)) {
            day(rig, false);

            ScopeFigures noon = rig.figures().stream()
                    .filter(f -> !f.complete() && f.scope().equals("410100/DANGEROUS_GOODS")
                            && f.windowEnd() == at(0, "12:00") * 1000)
                    .findFirst().orElseThrow();
            // V3 is registered right after the 12:00 tick: not yet in. V4 was removed at 06:00.
            assertThat(noon).isEqualTo(new ScopeFigures("REGION_VEHICLE_CLASS", "410100/DANGEROUS_GOODS",
                    at(0, "00:00") * 1000, at(0, "12:00") * 1000, 4, 3, 1, 3,
                    6 * 3600 + 6 * 3600 + 3_520, 3 * 43_200 + 6 * 3600, false));
        }
    }

    @Test
    void aDayIsClosedOnceAndAStatusForItReadAfterwardsOnlyMovesTheNextDays() throws Exception {
        try (OnlineRateRig rig = new OnlineRateRig(at(-1, "00:00") - 60)) {
            rig.register("V1", FLEET, at(-1, "00:00"));
            rig.status("V1", true, at(-1, "00:00"));
            rig.advanceTo(at(0, "01:00")); // the first tick 5 minutes (the close delay) after midnight
            rig.status("V1", false, at(-1, "23:00"), at(0, "01:20")); // read after day -1 was closed
            rig.advanceTo(at(1, "01:00"));

            assertThat(rig.completeDay(FLEET_SCOPE, D - 1).onlineSeconds()).as("closed before the late status")
                    .isEqualTo(86_400);
            assertThat(rig.completeDay(FLEET_SCOPE, D)).extracting(ScopeFigures::onlineSeconds,
                    ScopeFigures::registeredSeconds, ScopeFigures::onlineNow).containsExactly(0L, 86_400L, 0L);
        }
    }

    @Test
    void aRemovedDeviceLeavesNoStateOrTimersBehind() throws Exception {
        try (OnlineRateRig rig = new OnlineRateRig(at(-1, "00:00") - 60)) {
            rig.register("V9", FLEET, at(0, "08:00"));
            rig.status("V9", true, at(0, "09:00"));
            assertThat(rig.deviceTimers()).as("midnight timer while online").isEqualTo(1);
            rig.remove("V9", at(0, "10:00"));
            rig.advanceTo(at(1, "10:00")); // the status of the unregistered device is forgotten a day later

            assertThat(rig.completeDay(FLEET_SCOPE, D)).extracting(ScopeFigures::onlineSeconds,
                    ScopeFigures::registeredSeconds, ScopeFigures::registeredNow).containsExactly(3600L, 7200L, 0L);
            assertThat(rig.deviceStateEntries()).isZero();
            assertThat(rig.deviceTimers()).isZero();
            assertThat(rig.scopeStateEntries()).as("scopes without devices stop").isZero();
            assertThat(rig.scopeTimers()).isZero();
        }
    }

    private static void day(OnlineRateRig rig, boolean restart) throws Exception {
        for (String device : new String[] {"V1", "V2", "V4", "V5"}) {
            rig.register(device, FLEET, at(-1, "00:00"));
        }
        rig.register("G1", MINE, at(-1, "00:00"));
        rig.status("G1", true, at(-1, "00:00"));
        rig.status("V4", true, at(-1, "10:00"));
        rig.status("V1", true, at(-1, "20:00"));
        rig.status("V1", false, at(0, "02:00"));
        rig.remove("V4", at(0, "06:00"));
        rig.status("V1", true, at(0, "08:00"));
        String[][] flapping = {{"ON", "09:00:00"}, {"OFF", "09:00:30"}, {"ON", "09:01:00"}, {"OFF", "09:01:10"},
                {"ON", "09:02:00"}, {"ON", "09:02:05"}, {"OFF", "10:00:00"}};
        for (String[] step : flapping) {
            rig.status("V5", step[0].equals("ON"), at(0, step[1]));
        }
        rig.status("V3", true, at(0, "10:00"));
        rig.register("V3", FLEET, at(0, "12:00"));
        if (restart) {
            rig.advanceTo(at(0, "13:00"));
            rig.restart();
        }
        rig.status("V3", false, at(0, "18:00"), at(0, "18:03"));
        rig.advanceTo(at(1, "01:00")); // the first hourly tick after the 5-minute close delay
    }
}
