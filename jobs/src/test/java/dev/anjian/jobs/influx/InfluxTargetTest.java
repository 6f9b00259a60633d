package dev.anjian.jobs.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfluxTargetTest {

    @Test
    void plainRequestsAndTwoPendingBatchesByDefault() {
        InfluxTarget target = InfluxTarget.from(Config.of(Map.of(), Map.of()));

        assertThat(target.gzip()).isFalse();
        assertThat(target.maxPendingBatches()).isEqualTo(2);
        assertThat(new InfluxTarget("http://127.0.0.1:8086", "anjian", "", "", 10, 0, Duration.ZERO))
                .as("the constructor without them uses the same defaults")
                .extracting(InfluxTarget::gzip, InfluxTarget::maxPendingBatches).containsExactly(false, 2);
    }

    @Test
    void gzipAndPendingBatchesAreConfigurable() {
        InfluxTarget target = InfluxTarget.from(Config.of(
                Map.of("influx.gzip", "true", "influx.max-pending-batches", "4"), Map.of()));

        assertThat(target.gzip()).isTrue();
        assertThat(target.maxPendingBatches()).isEqualTo(4);
        assertThat(target.toString()).contains("pending batches 4", "gzip");
    }

    @Test
    void atLeastOnePendingBatch() {
        assertThatThrownBy(() -> InfluxTarget.from(Config.of(Map.of("influx.max-pending-batches", "0"), Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'influx.max-pending-batches'");
        assertThatThrownBy(() -> new InfluxTarget("http://127.0.0.1:8086", "anjian", "", "", 10, 0, Duration.ZERO,
                false, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverShowsThePassword() {
        InfluxTarget target = new InfluxTarget("http://127.0.0.1:8086", "anjian", "writer", "s3cret", 10, 0,
                Duration.ZERO);

        assertThat(target.toString()).contains("user writer").doesNotContain("s3cret");
    }
}
