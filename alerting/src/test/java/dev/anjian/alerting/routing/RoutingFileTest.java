package dev.anjian.alerting.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.common.ConfigException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoutingFileTest {

    private static final String VALID = """
            enterprises:
              E-HN-COAL-01:
                - id: E-HN-COAL-01.safety
                  name: 王建国
                  phone: "13800000101"
                  tier: 1
                - id: E-HN-COAL-01.head
                  name: 李明
                  phone: 13800000103
                  tier: 2
              E-HN-NH3-01:
                - id: E-HN-NH3-01.safety
                  name: 张伟
                  phone: "13900000201"
                  tier: 1
              E-HN-DUST-01: []
            """;

    private static RoutingTable parse(String yaml) {
        return RoutingFile.parse("routing-test.yaml", new StringReader(yaml));
    }

    @Test
    void readsContactsPerEnterpriseInFileOrder() {
        RoutingTable table = parse(VALID);
        assertThat(table.enterpriseCount()).isEqualTo(3);
        assertThat(table.contactCount()).isEqualTo(3);
        assertThat(table.contactsOf("E-HN-COAL-01")).containsExactly(
                new Contact("E-HN-COAL-01.safety", "王建国", "13800000101", 1),
                new Contact("E-HN-COAL-01.head", "李明", "13800000103", 2));
        assertThat(table.contactsOf("E-HN-DUST-01")).isEmpty();
        assertThat(table.contactsOf("E-HN-UNKNOWN")).isEmpty();
        assertThat(table.summary()).isEqualTo("E-HN-COAL-01=2, E-HN-NH3-01=1, E-HN-DUST-01=0");
    }

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                Arguments.of("phone too short", VALID.replace("\"13800000101\"", "\"1380000\""),
                        "routing-test.yaml line 5: enterprise E-HN-COAL-01, contact 1: field 'phone' must be an 11-digit mainland mobile number"),
                Arguments.of("landline-like prefix", VALID.replace("\"13900000201\"", "\"12900000201\""),
                        "line 14: enterprise E-HN-NH3-01, contact 1: field 'phone'"),
                Arguments.of("tier 3", VALID.replace("tier: 2", "tier: 3"),
                        "line 10: enterprise E-HN-COAL-01, contact 2: field 'tier' must be 1 (safety officer) or 2 (enterprise head), was '3'"),
                Arguments.of("duplicate contact id", VALID.replace("E-HN-NH3-01.safety", "E-HN-COAL-01.safety"),
                        "line 12: enterprise E-HN-NH3-01, contact 1: duplicate contact id 'E-HN-COAL-01.safety' (first used on line 3)"),
                Arguments.of("missing name", VALID.replace("      name: 张伟\n", ""),
                        "line 12: enterprise E-HN-NH3-01, contact 1: missing field 'name'"),
                Arguments.of("empty name", VALID.replace("name: 张伟", "name: ''"),
                        "line 13: enterprise E-HN-NH3-01, contact 1: field 'name' must not be empty"),
                Arguments.of("misspelt field", VALID.replace("phone: 13800000103", "phon: 13800000103"),
                        "line 9: enterprise E-HN-COAL-01, contact 2: unknown field 'phon'"),
                Arguments.of("enterprise twice", VALID + "  E-HN-COAL-01: []\n",
                        "line 17: enterprise E-HN-COAL-01: enterprise listed twice"),
                Arguments.of("slash in contact id", VALID.replace("id: E-HN-COAL-01.head", "id: E-HN-COAL-01/head"),
                        "line 7: enterprise E-HN-COAL-01, contact 2: field 'id' may hold only letters"),
                Arguments.of("contacts not a list", VALID.replace("E-HN-DUST-01: []", "E-HN-DUST-01: nobody"),
                        "line 16: enterprise E-HN-DUST-01: must be a list of contacts"),
                Arguments.of("unknown top-level key", "routes:\n  E-HN-COAL-01: []\n",
                        "line 1: top level: unknown key 'routes'"),
                Arguments.of("empty file", "", "routing file routing-test.yaml must be a mapping with the key 'enterprises'"),
                Arguments.of("unknown alarm type", VALID.replace("      tier: 2\n", "      tier: 2\n      types: [GAS]\n"),
                        "enterprise E-HN-COAL-01, contact 2: unknown alarm type 'GAS' in 'types'"),
                Arguments.of("bad hours", VALID.replace("      tier: 2\n", "      tier: 2\n      hours: 8-20\n"),
                        "enterprise E-HN-COAL-01, contact 2: field 'hours' must be HH:mm-HH:mm (GMT+8)"),
                Arguments.of("min-level 7", VALID.replace("      tier: 2\n", "      tier: 2\n      min-level: 7\n"),
                        "field 'min-level' must be 0 to 4, was '7'"),
                Arguments.of("region not 6 digits", VALID + "regulators:\n  \"4104\": []\n",
                        "line 18: region 4104: region code must be 6 digits"),
                Arguments.of("regulator with tier 1", VALID + "regulators:\n  \"410400\":\n    - {id: R1, name: r, phone: \"13900004101\", tier: 1}\n",
                        "region 410400, contact 1: regulators are tier 3"),
                Arguments.of("broken YAML", "enterprises:\n  E-HN-COAL-01: [\n", "routing file routing-test.yaml is not valid YAML"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void rejectsInvalidFilesNamingFileLineEnterpriseAndField(String name, String yaml, String expected) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class).hasMessageContaining(expected);
    }

    @Test
    void anInvalidPhoneIsNotEchoedIntoTheError() {
        assertThatThrownBy(() -> parse(VALID.replace("\"13800000101\"", "\"138000001019\"")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("field 'phone'")
                .hasMessageNotContaining("138000001019");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> RoutingFile.load(Path.of("no/such/routing.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("routing file not found")
                .hasMessageContaining("no/such/routing.yaml");
    }

    /** The example shipped in config/ must load and cover every enterprise of the example registry. */
    @Test
    void theExampleRoutingFileIsValidAndNotifiesEveryExampleEnterprise() {
        RoutingTable table = RoutingFile.load(Path.of("../config/routing.yaml"));
        List<String> enterprises = List.of("E-HN-COAL-01", "E-HN-NH3-01", "E-HN-DUST-01", "E-HN-CHEM-01",
                "E-HN-STEEL-01", "E-HN-FLEET-01");
        assertThat(table.contactsByEnterprise()).containsOnlyKeys(enterprises);
        for (String enterprise : enterprises) {
            assertThat(table.contactsOf(enterprise))
                    .as("tier-1 contacts of %s", enterprise)
                    .anyMatch(c -> c.tier() == Contact.SAFETY_OFFICER)
                    .allMatch(c -> c.id().startsWith(enterprise + "."));
        }
    }

    @Test
    void readsFiltersAndRegulators() {
        RoutingTable table = parse(VALID.replace("      tier: 2\n", "      tier: 2\n      types: [THRESHOLD]\n      min-level: 2\n"
                + "      hours: \"20:00-08:00\"\n") + "regulators:\n  \"410400\":\n    - {id: R1, name: 市局, phone: \"13900004101\"}\n");
        Contact head = table.contactsOf("E-HN-COAL-01").get(1);
        assertThat(head.types()).containsExactly(dev.anjian.events.AlarmType.THRESHOLD);
        assertThat(head.minLevel()).isEqualTo(2);
        assertThat(head.hours()).isEqualTo(DutyHours.parse("20:00-08:00"));
        assertThat(table.regulatorsOf("410402")).extracting(Contact::id, Contact::tier)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("R1", 3));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} at {1} -> {2}")
    @org.junit.jupiter.params.provider.CsvSource({"08:00-20:00, 2026-11-29T00:00:00Z, true", "08:00-20:00, 2026-11-29T12:00:00Z, false",
            "20:00-08:00, 2026-11-29T12:00:00Z, true", "20:00-08:00, 2026-11-29T23:59:00Z, true",
            "20:00-08:00, 2026-11-29T00:00:00Z, false"})
    void dutyHoursAreChinaStandardTimeAndMayWrapMidnight(String hours, String at, boolean covered) {
        assertThat(DutyHours.parse(hours).covers(java.time.Instant.parse(at))).isEqualTo(covered);
    }

    @Test
    void aContactPrintsItsPhoneMasked() {
        assertThat(new Contact("c", "王建国", "13800000101", 1).toString())
                .contains("138****0101").doesNotContain("13800000101");
    }
}
