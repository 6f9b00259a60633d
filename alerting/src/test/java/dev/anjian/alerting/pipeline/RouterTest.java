package dev.anjian.alerting.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.alerting.TestAlarms;
import dev.anjian.alerting.routing.Contact;
import dev.anjian.alerting.routing.RoutingTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouterTest {

    static final Contact COAL_SAFETY = new Contact("E-HN-COAL-01.safety", "王建国", "13800000101", 1);
    static final Contact COAL_DISPATCH = new Contact("E-HN-COAL-01.dispatch", "调度室", "13800000102", 1);
    static final Contact COAL_HEAD = new Contact("E-HN-COAL-01.head", "李明", "13800000103", 2);
    static final Contact NH3_SAFETY = new Contact("E-HN-NH3-01.safety", "张伟", "13900000201", 1);
    static final Contact STEEL_HEAD = new Contact("E-HN-STEEL-01.head", "吴刚", "13800000502", 2);

    static final RoutingTable TABLE = new RoutingTable(Map.of(
            "E-HN-COAL-01", List.of(COAL_SAFETY, COAL_DISPATCH, COAL_HEAD),
            "E-HN-NH3-01", List.of(NH3_SAFETY),
            "E-HN-DUST-01", List.of(),
            "E-HN-STEEL-01", List.of(STEEL_HEAD)));

    private final Router router = new Router(TABLE);

    @ParameterizedTest(name = "alarm of {0} -> [{1}] {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "E-HN-COAL-01  | E-HN-COAL-01.safety E-HN-COAL-01.dispatch | NULL",
            "E-HN-NH3-01   | E-HN-NH3-01.safety                        | NULL",
            "E-HN-DUST-01  | ''                                        | no contacts for enterprise E-HN-DUST-01",
            "E-HN-CHEM-01  | ''                                        | no contacts for enterprise E-HN-CHEM-01",
            "E-HN-STEEL-01 | ''                                        | no tier-1 contacts for enterprise E-HN-STEEL-01",
    })
    void routesToTheTierOneContactsOfTheAlarmsOwnEnterpriseOnly(String enterprise, String recipients, String problem) {
        Router.Routing routing = router.route(TestAlarms.methane().enterprise(enterprise, "x").build());
        assertThat(routing.recipients()).extracting(Contact::id)
                .containsExactly(recipients.isBlank() ? new String[0] : recipients.split(" "));
        assertThat(routing.problem()).isEqualTo(problem);
        assertThat(routing.hasRecipients()).isEqualTo(problem == null);
    }

    /** Whatever the enterprise, no recipient of its alarm belongs to another enterprise. */
    @ParameterizedTest
    @CsvSource({"E-HN-COAL-01", "E-HN-NH3-01", "E-HN-DUST-01", "E-HN-STEEL-01", "E-HN-FLEET-01"})
    void noAlarmReachesAnotherEnterprisesContacts(String enterprise) {
        Router.Routing routing = router.route(TestAlarms.methane().enterprise(enterprise, "x").build());
        assertThat(routing.recipients()).isSubsetOf(TABLE.contactsOf(enterprise));
        TABLE.contactsByEnterprise().forEach((other, contacts) -> {
            if (!other.equals(enterprise) && !contacts.isEmpty()) {
                assertThat(routing.recipients()).doesNotContainAnyElementsOf(contacts);
            }
        });
    }
}
