package dev.anjian.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every kind of registry error names the file, the line and the field path, and one parse reports all
 * of them. Line numbers in the comments count from the first line of each text block.
 */
class RegistryFileErrorsTest {

    @Test
    void aTypoedKeyIsReportedWithItsLineAndTheKeyItProbablyMeant() {
        assertErrors("""
                enterprises:
                  - id: E-1
                    name: Test
                    region: "410100"
                    industry: COAL_MINE
                    devices:
                      - id: D-1
                        kind: GAS_SENSOR
                        offlineTimeout: 60
                        metrics:
                          - {name: CH4, unit: "%", levels: [1.0, 1.5], clear: 1.0}
                """,
                "t.yaml:9: enterprises[0].devices[0].offlineTimeout: unknown key 'offlineTimeout'; did you mean "
                        + "'offlineTimeoutSeconds'? allowed keys: id, kind, location, offlineTimeoutSeconds, metrics, vehicle, "
                        + "mqttCredential");
    }

    @Test
    void unknownKindsIndustriesAndDirectionsListTheAllowedValues() {
        assertErrors("""
                enterprises:
                  - id: E-1
                    name: Test
                    region: "410100"
                    industry: COAL_MINES
                    devices:
                      - id: D-1
                        kind: GAS_SENSR
                        metrics:
                          - {name: CH4, unit: "%", direction: UP, levels: [1.0, 1.5], clear: 1.0}
                """,
                "t.yaml:5: enterprises[0].industry: unknown industry 'COAL_MINES'; did you mean 'COAL_MINE'? allowed: "
                        + "COAL_MINE, HAZARDOUS_CHEMICALS, METALLURGY, DUST, AMMONIA_REFRIGERATION, ROAD_TRANSPORT",
                "t.yaml:8: enterprises[0].devices[0].kind: unknown kind 'GAS_SENSR'; did you mean 'GAS_SENSOR'? allowed: "
                        + "GAS_SENSOR, CO_SENSOR, TOXIC_GAS_SENSOR, AMMONIA_SENSOR, DUST_MONITOR, VEHICLE_TERMINAL",
                "t.yaml:10: enterprises[0].devices[0].metrics[0].direction: unknown direction 'UP'; allowed: HIGH, LOW");
    }

    @Test
    void missingRequiredFieldsAreNamedWhereTheirMappingStarts() {
        assertErrors("""
                enterprises:
                  - id: E-1
                    region: "410100"
                    industry: COAL_MINE
                    devices:
                      - id: D-1
                        metrics:
                          - name: CH4
                            levels: [1.0, 1.5]
                            clear: ~
                """,
                "t.yaml:2: enterprises[0].name: missing required field",
                "t.yaml:6: enterprises[0].devices[0].kind: missing required field",
                "t.yaml:8: enterprises[0].devices[0].metrics[0].unit: missing required field",
                "t.yaml:10: enterprises[0].devices[0].metrics[0].clear: missing required field");
    }

    @Test
    void wrongTypesSayWhatWasExpectedAndWhatWasWritten() {
        assertErrors("""
                enterprises:
                  - id: E-1
                    name: Test
                    region: "410100"
                    industry: COAL_MINE
                    devices:
                      - id: D-1
                        kind: GAS_SENSOR
                        offlineTimeoutSeconds: soon
                        metrics:
                          - name: CH4
                            unit: "%"
                            levels: 1.0
                            clear: "1.0"
                          - name: [CO]
                            unit: ppm
                            levels: [24, high]
                            clear: 20
                            debounceSamples: 1.5
                  - just a string
                """,
                "t.yaml:9: enterprises[0].devices[0].offlineTimeoutSeconds: must be a whole number, was 'soon'",
                "t.yaml:13: enterprises[0].devices[0].metrics[0].levels: must be a list, was '1.0'",
                "t.yaml:14: enterprises[0].devices[0].metrics[0].clear: must be a finite number, was '1.0'",
                "t.yaml:15: enterprises[0].devices[0].metrics[1].name: must be a text value, was a list",
                "t.yaml:17: enterprises[0].devices[0].metrics[1].levels[1]: must be a finite number, was 'high'",
                "t.yaml:19: enterprises[0].devices[0].metrics[1].debounceSamples: must be a whole number, was '1.5'",
                "t.yaml:20: enterprises[1]: must be a mapping of id, name, region, industry, devices; was 'just a string'");
    }

    @Test
    void duplicateDeviceIdsAndTerminalPhonesNameBothLines() {
        assertErrors("""
                enterprises:
                  - id: E-1
                    name: Test
                    region: "410100"
                    industry: ROAD_TRANSPORT
                    devices:
                      - id: V-1
                        kind: VEHICLE_TERMINAL
                        vehicle: {plateNumber: 豫A·00001, plateColor: 2, vehicleClass: COACH, terminalPhone: "013800000001", speedLimitKmh: 100}
                      - id: V-2
                        kind: VEHICLE_TERMINAL
                        vehicle: {plateNumber: 豫A·00002, plateColor: 2, vehicleClass: COACH, terminalPhone: "13800000001", speedLimitKmh: 100}
                  - id: E-2
                    name: Other
                    region: "410300"
                    industry: ROAD_TRANSPORT
                    devices:
                      - id: V-1
                        kind: VEHICLE_TERMINAL
                        vehicle: {plateNumber: 豫C·00003, plateColor: 2, vehicleClass: DANGEROUS_GOODS, terminalPhone: "013800000003", speedLimitKmh: 80}
                  - id: E-1
                    name: Again
                    region: "410300"
                    industry: DUST
                    devices: []
                """,
                "t.yaml:12: enterprises[0].devices[1].vehicle.terminalPhone: duplicate terminalPhone '13800000001', "
                        + "first defined at line 9",
                "t.yaml:18: enterprises[1].devices[0].id: duplicate device id 'V-1', first defined at line 7",
                "t.yaml:21: enterprises[2].id: duplicate enterprise id 'E-1', first defined at line 2");
    }

    @Test
    void badThresholdsReuseTheEventRecordsRulesWithLineAndPath() {
        assertErrors("""
                enterprises:
                  - id: E-1
                    name: Test
                    region: "410100"
                    industry: COAL_MINE
                    devices:
                      - id: D-1
                        kind: GAS_SENSOR
                        metrics:
                          - name: CH4
                            unit: "%"
                            levels: [1.5, 1.0]
                            clear: 1.0
                          - name: CO
                            unit: ppm
                            levels: [24]
                            clear: 30
                          - name: O2
                            unit: "%"
                            direction: LOW
                            levels: [18.0, 19.5]
                            clear: 20
                          - {name: H2S, unit: ppm, levels: [], clear: 5}
                          - {name: NO2, unit: ppm, levels: [1], clear: 0.5, debounceSeconds: -5}
                """,
                "t.yaml:12: enterprises[0].devices[0].metrics[0].levels: must be strictly increasing for a HIGH metric, "
                        + "was [1.5, 1.0]",
                "t.yaml:17: enterprises[0].devices[0].metrics[1].clear: value (30.0) must be on the safe side of level 1 (24.0)",
                "t.yaml:21: enterprises[0].devices[0].metrics[2].levels: must be strictly decreasing for a LOW metric, "
                        + "was [18.0, 19.5]",
                "t.yaml:23: enterprises[0].devices[0].metrics[3].levels: needs at least one threshold",
                "t.yaml:24: enterprises[0].devices[0].metrics[4].debounceSeconds: must be at least 0, was -5");
    }

    @Test
    void regionCodesMustBeSixDigitsStartingWithAProvince() {
        assertErrors("""
                enterprises:
                  - id: E-1
                    name: A
                    region: "41010"
                    industry: DUST
                    devices: []
                  - id: E-2
                    name: B
                    region: 991234
                    industry: DUST
                    devices: []
                """,
                "t.yaml:4: enterprises[0].region: must be a 6-digit GB/T 2260 code such as 410100 (Zhengzhou), was '41010'",
                "t.yaml:9: enterprises[1].region: '991234' does not start with a GB/T 2260 province code (Henan is 41)");
    }

    @Test
    void eachKindHasItsShapeAndMetricNamesAreUniquePerDevice() {
        assertErrors("""
                enterprises:
                  - id: E-1
                    name: A
                    region: "410100"
                    industry: DUST
                    devices:
                      - id: D-1
                        kind: VEHICLE_TERMINAL
                      - id: D-2
                        kind: DUST_MONITOR
                        vehicle: {plateNumber: 豫A·1, plateColor: 2, vehicleClass: OTHER, terminalPhone: "1", speedLimitKmh: 60}
                      - id: D-3
                        kind: CO_SENSOR
                        location: 车间
                      - id: D-4
                        kind: CO_SENSOR
                        metrics:
                          - {name: CO, unit: ppm, levels: [24], clear: 20}
                          - {name: CO, unit: ppm, levels: [30], clear: 20}
                      - id: D/5
                        kind: VEHICLE_TERMINAL
                        metrics: []
                        vehicle: {plateNumber: 豫A·2, plateColor: 12, vehicleClass: BUS, terminalPhone: "1380-0000", speedLimitKmh: 0}
                """,
                "t.yaml:7: enterprises[0].devices[0].vehicle: missing required field for a VEHICLE_TERMINAL",
                "t.yaml:11: enterprises[0].devices[1].vehicle: only VEHICLE_TERMINAL devices have a vehicle, this is a DUST_MONITOR",
                "t.yaml:9: enterprises[0].devices[1].metrics: a DUST_MONITOR needs at least one metric",
                "t.yaml:12: enterprises[0].devices[2].metrics: a CO_SENSOR needs at least one metric",
                "t.yaml:19: enterprises[0].devices[3].metrics[1].name: duplicate metric name 'CO', first defined at line 18",
                "t.yaml:20: enterprises[0].devices[4].id: must contain only letters, digits, '-', '_' and '.', was 'D/5'",
                "t.yaml:23: enterprises[0].devices[4].vehicle.plateColor: must be a JT/T 808 plate colour code 0-9 "
                        + "(1 blue, 2 yellow, 3 black, 4 white, 9 other), was 12",
                "t.yaml:23: enterprises[0].devices[4].vehicle.vehicleClass: unknown vehicleClass 'BUS'; "
                        + "allowed: COACH, TOURIST_COACH, DANGEROUS_GOODS, OTHER",
                "t.yaml:23: enterprises[0].devices[4].vehicle.speedLimitKmh: must be at least 1, was 0",
                "t.yaml:22: enterprises[0].devices[4].metrics: a VEHICLE_TERMINAL has no metrics "
                        + "(its alarms come from JT/T 808 alarm bits)");
    }

    @Test
    void anInvalidTerminalPhoneIsReportedByTheVehicleRecordsOwnRule() {
        assertErrors("""
                enterprises:
                  - id: E-1
                    name: A
                    region: "410100"
                    industry: ROAD_TRANSPORT
                    devices:
                      - id: V-1
                        kind: VEHICLE_TERMINAL
                        vehicle:
                          plateNumber: 豫A·1
                          plateColor: 2
                          vehicleClass: COACH
                          terminalPhone: 1380-0000
                          speedLimitKmh: 100
                """,
                "t.yaml:13: enterprises[0].devices[0].vehicle.terminalPhone: must be up to 20 digits, was 1380-0000");
    }

    @Test
    void aMalformedMqttCredentialIsReportedWithItsLineWithoutRepeatingIt() {
        assertErrors("""
                enterprises:
                  - id: E-1
                    name: A
                    region: "410100"
                    industry: COAL_MINE
                    devices:
                      - id: D-1
                        kind: GAS_SENSOR
                        mqttCredential: my-plain-password
                        metrics:
                          - {name: CH4, unit: "%", levels: [1.0, 1.5], clear: 1.0}
                      - id: D-2
                        kind: GAS_SENSOR
                        mqttCredential: "sha256:0001020304050607:00ff"
                        metrics:
                          - {name: CH4, unit: "%", levels: [1.0, 1.5], clear: 1.0}
                """,
                "t.yaml:9: enterprises[0].devices[0].mqttCredential: must be 'sha256:<salt hex>:<64 hex digits>' "
                        + "(make one with: anjian registry hash-password)",
                "t.yaml:14: enterprises[0].devices[1].mqttCredential: must end in a SHA-256 hash of 64 hex digits, "
                        + "had 4 characters (make one with: anjian registry hash-password)");
    }

    @Test
    void duplicateYamlKeysAndTopLevelTyposAreReported() {
        assertErrors("""
                enterprise:
                  - id: E-1
                """,
                "t.yaml:1: enterprise: unknown key 'enterprise'; did you mean 'enterprises'? allowed keys: enterprises",
                "t.yaml:1: enterprises: missing required field");
        assertErrors("""
                enterprises:
                  - id: E-1
                    name: A
                    name: B
                    region: "410100"
                    industry: DUST
                    devices: []
                """,
                "t.yaml:4: enterprises[0].name: duplicate key, first given at line 3");
    }

    @Test
    void brokenYamlAndEmptyOrMissingFilesAreErrorsNotExceptions() {
        List<String> broken = errors("""
                enterprises:
                  - id: E-1
                    name: [unclosed
                    region: "410100"
                """);
        assertThat(broken).containsExactly(
                "t.yaml:4: not valid YAML: while parsing a flow sequence at line 3: expected ',' or ']', but got :");

        assertErrors("", "t.yaml:1: the file is empty; expected a mapping with 'enterprises:'");
        assertErrors("# only a comment\n", "t.yaml:1: the file is empty; expected a mapping with 'enterprises:'");

        RegistryParse missing = RegistryFile.parse(Path.of("target", "no-such-registry.yaml"));
        assertThat(missing.devices()).isEmpty();
        assertThat(missing.errors()).singleElement().asString()
                .startsWith("no-such-registry.yaml: cannot read ").contains("no-such-registry.yaml");
    }

    @Test
    void oneBadDeviceMakesTheWholeFileInvalidSoNothingIsHalfImported() {
        RegistryParse parse = RegistryFile.parse("t.yaml", """
                enterprises:
                  - id: E-1
                    name: A
                    region: "410100"
                    industry: DUST
                    devices:
                      - {id: D-1, kind: CO_SENSOR, metrics: [{name: CO, unit: ppm, levels: [24], clear: 20}]}
                      - {id: D-2, kind: CO_SENSOR, metrics: [{name: CO, unit: ppm, levels: [24], clear: 30}]}
                """);

        assertThat(parse.isValid()).isFalse();
        assertThat(parse.devices()).isEmpty();
        assertThat(parse.errors()).extracting(RegistryError::line).containsExactly(8);
    }

    private static void assertErrors(String yaml, String... expected) {
        assertThat(errors(yaml)).containsExactly(expected);
    }

    private static List<String> errors(String yaml) {
        RegistryParse parse = RegistryFile.parse("t.yaml", yaml);
        assertThat(parse.devices()).as("an invalid file yields no devices").isEmpty();
        return parse.errors().stream().map(RegistryError::toString).toList();
    }
}
