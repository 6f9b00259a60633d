package dev.anjian.alerting.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.alerting.TestAlarms;
import dev.anjian.alerting.routing.Contact;
import dev.anjian.alerting.routing.DutyHours;
import dev.anjian.alerting.routing.RoutingTable;
import dev.anjian.events.AlarmType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouterTest {

    static final Contact COAL_SAFETY = new Contact("E-HN-COAL-01.safety", "王建国", "13800000101", 1);
    static final Contact COAL_DISPATCH = new Contact("E-HN-COAL-01.dispatch", "调度室", "13800000102", 1);
    static final Contact COAL_HEAD = new Contact("E-HN-COAL-01.head", "李明", "13800000103", 2);
    /** Night shift, level 2 and up, concentration alarms only. */
    static final Contact COAL_NIGHT = new Contact("E-HN-COAL-01.night", "夜班", "13800000104", 1,
            Set.of(AlarmType.THRESHOLD), 2, DutyHours.parse("20:00-08:00"));
    static final Contact NH3_SAFETY = new Contact("E-HN-NH3-01.safety", "张伟", "13900000201", 1);
    static final Contact STEEL_HEAD = new Contact("E-HN-STEEL-01.head", "吴刚", "13800000502", 2);
    static final Contact PDS_DAY = new Contact("R-410400.day", "市局白班", "13900004101", 3, Set.of(), 0,
            DutyHours.parse("08:00-20:00"));
    static final Contact PDS_NIGHT = new Contact("R-410400.night", "市局夜班", "13900004102", 3, Set.of(), 0,
            DutyHours.parse("20:00-08:00"));
    static final Contact HENAN = new Contact("R-410000.duty", "省厅", "13900004100", 3);

    static final RoutingTable TABLE = new RoutingTable(Map.of(
            "E-HN-COAL-01", List.of(COAL_SAFETY, COAL_DISPATCH, COAL_HEAD, COAL_NIGHT),
            "E-HN-NH3-01", List.of(NH3_SAFETY),
            "E-HN-DUST-01", List.of(),
            "E-HN-STEEL-01", List.of(STEEL_HEAD)),
            Map.of("410400", List.of(PDS_DAY, PDS_NIGHT), "410000", List.of(HENAN)));

    /** 16:00:05 in GMT+8 (day) and 23:30 (night). */
    static final Instant DAY = TestAlarms.T0;
    static final Instant NIGHT = Instant.parse("2026-11-29T15:30:00Z");

    private final Router router = new Router(TABLE);

    @ParameterizedTest(name = "{0} tier {1} {2} level {3} at {4} -> [{5}] {6}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "E-HN-COAL-01  | 1 | THRESHOLD    | 2 | DAY   | E-HN-COAL-01.safety E-HN-COAL-01.dispatch                    | NULL",
            "E-HN-COAL-01  | 1 | THRESHOLD    | 2 | NIGHT | E-HN-COAL-01.safety E-HN-COAL-01.dispatch E-HN-COAL-01.night | NULL",
            "E-HN-COAL-01  | 1 | THRESHOLD    | 1 | NIGHT | E-HN-COAL-01.safety E-HN-COAL-01.dispatch                    | NULL",
            "E-HN-COAL-01  | 1 | SENSOR_FAULT | 2 | NIGHT | E-HN-COAL-01.safety E-HN-COAL-01.dispatch                    | NULL",
            "E-HN-COAL-01  | 2 | THRESHOLD    | 2 | DAY   | E-HN-COAL-01.head                                            | NULL",
            "E-HN-COAL-01  | 3 | THRESHOLD    | 2 | DAY   | R-410400.day                                                 | NULL",
            "E-HN-COAL-01  | 3 | THRESHOLD    | 2 | NIGHT | R-410400.night                                               | NULL",
            "E-HN-NH3-01   | 1 | THRESHOLD    | 1 | DAY   | E-HN-NH3-01.safety                                           | NULL",
            "E-HN-NH3-01   | 2 | THRESHOLD    | 1 | DAY   | ''                                                           | no tier-2 contacts for enterprise E-HN-NH3-01",
            "E-HN-DUST-01  | 1 | THRESHOLD    | 2 | DAY   | ''                                                           | no contacts for enterprise E-HN-DUST-01",
            "E-HN-CHEM-01  | 1 | THRESHOLD    | 2 | DAY   | ''                                                           | no contacts for enterprise E-HN-CHEM-01",
            "E-HN-STEEL-01 | 1 | THRESHOLD    | 2 | DAY   | ''                                                           | no tier-1 contacts for enterprise E-HN-STEEL-01",
    })
    void routesByTierTypeLevelAndHourWithinTheAlarmsOwnEnterprise(String enterprise, int tier, AlarmType type, int level,
            String when, String recipients, String problem) {
        Router.Routing routing = router.route(TestAlarms.methane().enterprise(enterprise, "x").type(type).level(level).build(),
                tier, when.equals("DAY") ? DAY : NIGHT);
        assertThat(routing.recipients()).extracting(Contact::id)
                .containsExactly(recipients.isBlank() ? new String[0] : recipients.split(" "));
        assertThat(routing.problem()).isEqualTo(problem);
        assertThat(routing.hasRecipients()).isEqualTo(problem == null);
    }

    @ParameterizedTest(name = "region {0} -> {1}")
    @CsvSource({"410400, R-410400.day", "410402, R-410400.day", "410100, R-410000.duty", "420100, ''"})
    void theMostSpecificRegionWithARegulatorWins(String region, String regulator) {
        Router.Routing routing = router.route(regionAlarm(region), Contact.REGULATOR, DAY);
        assertThat(routing.recipients()).extracting(Contact::id)
                .containsExactly(regulator.isBlank() ? new String[0] : new String[] {regulator});
    }

    private static dev.anjian.events.AlarmEvent regionAlarm(String region) {
        return TestAlarms.methane().region(region).build();
    }

    /** Whatever the enterprise and tier, no recipient of its alarm belongs to another enterprise. */
    @ParameterizedTest
    @CsvSource({"E-HN-COAL-01", "E-HN-NH3-01", "E-HN-DUST-01", "E-HN-STEEL-01", "E-HN-FLEET-01"})
    void noAlarmReachesAnotherEnterprisesContacts(String enterprise) {
        for (int tier = 1; tier <= 2; tier++) {
            Router.Routing routing = router.route(TestAlarms.methane().enterprise(enterprise, "x").build(), tier, NIGHT);
            assertThat(routing.recipients()).isSubsetOf(TABLE.contactsOf(enterprise));
            int t = tier;
            TABLE.contactsByEnterprise().forEach((other, contacts) -> {
                if (!other.equals(enterprise) && !contacts.isEmpty()) {
                    assertThat(router.route(TestAlarms.methane().enterprise(enterprise, "x").build(), t, NIGHT).recipients())
                            .doesNotContainAnyElementsOf(contacts);
                }
            });
        }
        assertThat(router.contactFor(TestAlarms.methane().enterprise(enterprise, "x").build(), "E-HN-NH3-01.safety"))
                .isEqualTo(enterprise.equals("E-HN-NH3-01") ? java.util.Optional.of(NH3_SAFETY) : java.util.Optional.empty());
    }
}
