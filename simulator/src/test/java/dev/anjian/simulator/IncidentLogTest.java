package dev.anjian.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentLogTest {

    @Test
    void eachPhaseChangeIsReportedOnceInOrderAsItHappens() {
        IncidentLog log = new IncidentLog(Scenario.forDevices(ExampleRegistry.devices()).incidents());
        List<String> changes = new ArrayList<>();

        for (long second = 0; second <= 160; second++) {
            changes.addAll(log.changesAt(Duration.ofSeconds(second)));
        }

        assertThat(changes.stream().filter(c -> c.startsWith("ammonia leak")).toList()).containsExactly(
                "ammonia leak at HN-ZZ-RF01-NH3-MR: leak begins: NH3 rising past level 1 (25 ppm)",
                "ammonia leak at HN-ZZ-RF01-NH3-MR: NH3 above level 1, holding at 62.5 ppm",
                "ammonia leak at HN-ZZ-RF01-NH3-MR: NH3 rising past level 2 (100 ppm) to 130 ppm",
                "ammonia leak at HN-ZZ-RF01-NH3-MR: emergency exhaust running: NH3 falling below the clear value (20 ppm)",
                "ammonia leak at HN-ZZ-RF01-NH3-MR: NH3 below the clear value (10 ppm)",
                "ammonia leak at HN-ZZ-RF01-NH3-MR: leak over, NH3 back to normal");
        assertThat(changes).contains(
                "sensor silence at HN-AY-ST01-CO-GH: goes silent: no telemetry (OFFLINE expected after its 60 s "
                        + "offline timeout, in real time)",
                "sensor silence at HN-AY-ST01-CO-GH: publishes again (ONLINE expected)",
                "calibration at HN-LY-CH01-LEL-D1: calibration begins: quality CALIBRATING, calibration gas at 50 %LEL LEL "
                        + "(no concentration alarm expected)");
        assertThat(changes.stream().filter(c -> c.startsWith("methane spike"))).hasSize(4);
        assertThat(log.changesAt(Duration.ofSeconds(160))).as("no change, nothing new").isEmpty();
    }
}
