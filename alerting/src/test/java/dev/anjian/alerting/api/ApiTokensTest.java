package dev.anjian.alerting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.alerting.TestAlarms;
import dev.anjian.common.ConfigException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiTokensTest {

    private static final String VALID = """
            tokens:
              - {name: henan, sha256: %s, role: CENTRE, regions: ["410000"]}
              - {name: coal, sha256: %s, role: ENTERPRISE, enterprise: E-HN-COAL-01}
            """.formatted(ApiTokens.sha256("t-henan"), ApiTokens.sha256("t-coal"));

    private static ApiTokens parse(String yaml) {
        return ApiTokens.parse("tokens-test.yaml", new StringReader(yaml));
    }

    @Test
    void tokensAreLookedUpByTheirHashAndGiveTheirRole() {
        ApiTokens tokens = parse(VALID);
        assertThat(tokens.authenticate("t-henan")).contains(new Principal("henan", Principal.Role.CENTRE, null, List.of("410000")));
        assertThat(tokens.authenticate("t-coal")).contains(new Principal("coal", Principal.Role.ENTERPRISE, "E-HN-COAL-01", List.of()));
        assertThat(tokens.authenticate("t-other")).isEmpty();
        assertThat(VALID).doesNotContain("t-henan");
    }

    @ParameterizedTest(name = "{0}, {1} -> {2}")
    @CsvSource({"CENTRE, 410000, E-HN-NH3-01, 410400, true", "CENTRE, 410000, E-HN-NH3-01, 420100, false",
            "ENTERPRISE, '', E-HN-COAL-01, 410400, true", "ENTERPRISE, '', E-HN-NH3-01, 410400, false"})
    void whoMaySeeWhichAlarm(Principal.Role role, String region, String enterprise, String alarmRegion, boolean sees) {
        Principal p = new Principal("p", role, role == Principal.Role.ENTERPRISE ? "E-HN-COAL-01" : null,
                region.isEmpty() ? List.of() : List.of(region));
        assertThat(p.maySee(TestAlarms.methane().enterprise(enterprise, "x").region(alarmRegion).build())).isEqualTo(sees);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "tokens: []\\nextra: 1                                              | must hold one key 'tokens'",
            "tokens:\\n  - {name: a, sha256: abc, role: CENTRE}                  | field 'sha256' must be 64 hex digits",
            "tokens:\\n  - {name: a, sha256: HASH, role: ADMIN}                  | field 'role' must be CENTRE or ENTERPRISE",
            "tokens:\\n  - {name: a, sha256: HASH, role: ENTERPRISE}             | missing field 'enterprise'",
            "tokens:\\n  - {name: a, sha256: HASH, role: CENTRE, regions: [41]}  | 'regions' must be a list of 6-digit region codes",
            "tokens:\\n  - {name: a, sha256: HASH, role: CENTRE, token: x}       | unknown field 'token'",
            "tokens:\\n  - {name: a, sha256: HASH, role: CENTRE}\\n  - {name: b, sha256: HASH, role: CENTRE} | token 2: the same token is listed twice",
    })
    void rejectsInvalidFilesNamingTheEntry(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n").replace("HASH", ApiTokens.sha256("x"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tokens-test.yaml").hasMessageContaining(message);
    }

    @Test
    void theExampleTokensFileIsValid() {
        ApiTokens tokens = ApiTokens.load(Path.of("../config/api-tokens.yaml"));
        assertThat(tokens.authenticate("demo-centre-token")).hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(Principal.Role.CENTRE));
        assertThat(tokens.authenticate("demo-coal-token")).hasValueSatisfying(p -> assertThat(p.enterpriseId()).isEqualTo("E-HN-COAL-01"));
    }
}
