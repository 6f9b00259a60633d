package dev.anjian.jobs.onlinerate;

import static dev.anjian.jobs.onlinerate.Scenario.FLEET;
import static dev.anjian.jobs.onlinerate.Scenario.MINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.anjian.events.DeviceKind;
import dev.anjian.events.Industry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopesTest {

    @Test
    void aDangerousGoodsTruckInZhengzhouCountsInTheCityProvinceAndItsCombinations() {
        assertThat(Scopes.of(FLEET)).extracting(Scopes.Scope::key).containsExactlyInAnyOrder(
                "ALL:all", "ENTERPRISE:E-ZZ-DG", "INDUSTRY:ROAD_TRANSPORT", "KIND:VEHICLE_TERMINAL",
                "ENTERPRISE_KIND:E-ZZ-DG/VEHICLE_TERMINAL", "VEHICLE_CLASS:DANGEROUS_GOODS",
                "REGION:410100", "REGION_INDUSTRY:410100/ROAD_TRANSPORT", "REGION_KIND:410100/VEHICLE_TERMINAL",
                "REGION_VEHICLE_CLASS:410100/DANGEROUS_GOODS",
                "REGION:410000", "REGION_INDUSTRY:410000/ROAD_TRANSPORT", "REGION_KIND:410000/VEHICLE_TERMINAL",
                "REGION_VEHICLE_CLASS:410000/DANGEROUS_GOODS");
        assertThat(Scopes.of(MINE)).extracting(Scopes.Scope::type).doesNotContain(Scopes.VEHICLE_CLASS);
    }

    @Test
    void aCountyRollsUpToItsCityAndProvince() {
        assertThat(Scopes.regionLevels("410102")).containsExactly("410102", "410100", "410000");
        assertThat(Scopes.regionLevels("410000")).containsExactly("410000");
    }

    @Test
    void aDeviceMovingToAnotherEnterpriseInTheSameRegionLeavesTheRegionUntouched() {
        Dims moved = new Dims("E-ZZ-OTHER", "410100", Industry.ROAD_TRANSPORT, DeviceKind.VEHICLE_TERMINAL,
                FLEET.vehicleClass());
        List<ScopeChange> changes = ScopeChange.spread(List.of(
                DimsChange.registered(FLEET, 100, -1), DimsChange.online(FLEET, 100, -1),
                DimsChange.registered(moved, 100, +1), DimsChange.online(moved, 100, +1)));

        assertThat(changes).extracting(ScopeChange::key, ScopeChange::registeredDelta, ScopeChange::onlineDelta)
                .containsExactlyInAnyOrder(
                        tuple("ENTERPRISE:E-ZZ-DG", -1, -1), tuple("ENTERPRISE_KIND:E-ZZ-DG/VEHICLE_TERMINAL", -1, -1),
                        tuple("ENTERPRISE:E-ZZ-OTHER", 1, 1), tuple("ENTERPRISE_KIND:E-ZZ-OTHER/VEHICLE_TERMINAL", 1, 1));
    }
}
