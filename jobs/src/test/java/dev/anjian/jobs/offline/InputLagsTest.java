package dev.anjian.jobs.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.events.DeviceEvent.Type;
import org.junit.jupiter.api.Test;

class InputLagsTest {

    private static final long T = 1_796_025_600_000L;

    private final InputLags lags = new InputLags();

    @Test
    void aFreshPathDoesNotHideOneThatIsBehind() {
        lags.sample(Type.SENSOR_READING, T + 100 - 12_000, T + 100); // MQTT readings queued in ingest
        lags.sample(Type.VEHICLE_LOCATION, T + 150 - 40, T + 150); // JT/T 808 reports fresh

        assertThat(lags.millis(T + 200)).isEqualTo(12_000);
    }

    @Test
    void withinOneKindTheFreshestEventCounts() {
        lags.sample(Type.SENSOR_READING, T + 100 - 300_000, T + 100); // a gateway whose clock runs behind
        lags.sample(Type.SENSOR_READING, T + 150 - 40, T + 150);

        assertThat(lags.millis(T + 200)).isEqualTo(40);
    }

    @Test
    void nothingReadIsNoLag() {
        assertThat(lags.millis(T)).isZero();
    }
}
