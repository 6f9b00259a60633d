package dev.anjian.storage.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportScopeTest {

    @Test
    void zhengzhouDangerousGoodsSelectsTheCitysVehicleTerminalsAndSaysSo() {
        ReportScope scope = new ReportScope("REGION_VEHICLE_CLASS", "410100/DANGEROUS_GOODS");

        assertThat(scope.statusFilter()).isEqualTo("\"region\" =~ /^4101/ AND \"kind\" = 'VEHICLE_TERMINAL'");
        assertThat(scope.note()).contains("every vehicle terminal of region 410100");
    }

    @Test
    void regionsMatchTheirSubRegionsAndOtherScopesTheirTags() {
        assertThat(new ReportScope("REGION", "410000").statusFilter()).isEqualTo("\"region\" =~ /^41/");
        assertThat(new ReportScope("REGION", "410102").statusFilter()).isEqualTo("\"region\" =~ /^410102/");
        assertThat(new ReportScope("ENTERPRISE_KIND", "E1/GAS_SENSOR").statusFilter())
                .isEqualTo("\"enterprise\" = 'E1' AND \"kind\" = 'GAS_SENSOR'");
        assertThat(new ReportScope("ALL", "all").statusFilter()).isEmpty();
        assertThat(new ReportScope("INDUSTRY", "COAL_MINE").note()).isEmpty();
    }

    @Test
    void malformedScopesAreRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> new ReportScope("CITY", "410100")).hasMessageContaining("unknown scope type");
        assertThatThrownBy(() -> new ReportScope("REGION_KIND", "410100")).hasMessageContaining("A/B");
        assertThatThrownBy(() -> new ReportScope("ENTERPRISE", "E1' OR '1'='1")).hasMessageContaining("letters");
    }
}
