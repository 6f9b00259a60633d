package dev.anjian.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatorSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        SimulatorSettings settings = SimulatorSettings.from(Config.of(Map.of(), Map.of()));

        assertThat(settings).isEqualTo(new SimulatorSettings("tcp://127.0.0.1:1883", "anjian-simulator",
                Path.of("config/registry/henan-example.yaml"), Duration.ofSeconds(2), 1.0, 42, Optional.empty()));
    }

    @Test
    void fileValuesAndEnvironmentOverridesAreRead() {
        Config config = Config.of(Map.of(
                        "mqtt.url", "tcp://127.0.0.1:11883",
                        "simulator.registry-file", "/tmp/r.yaml",
                        "simulator.interval", "500ms",
                        "simulator.time-scale", "10",
                        "simulator.duration", "4m"),
                Map.of("ANJIAN_SIMULATOR_SEED", "7", "ANJIAN_SIMULATOR_CLIENT_ID", "sim-2"));

        SimulatorSettings settings = SimulatorSettings.from(config);

        assertThat(settings).isEqualTo(new SimulatorSettings("tcp://127.0.0.1:11883", "sim-2", Path.of("/tmp/r.yaml"),
                Duration.ofMillis(500), 10.0, 7, Optional.of(Duration.ofMinutes(4))));
    }

    @Test
    void invalidValuesNameTheKeyAndItsEnvironmentVariable() {
        assertThatThrownBy(() -> SimulatorSettings.from(Config.of(Map.of("simulator.time-scale", "fast"), Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config key 'simulator.time-scale' (env ANJIAN_SIMULATOR_TIME_SCALE) must be a number "
                        + "such as 1.0 or 10, was 'fast'");
        assertThatThrownBy(() -> SimulatorSettings.from(Config.of(Map.of("simulator.time-scale", "0"), Map.of())))
                .hasMessage("config key 'simulator.time-scale' (env ANJIAN_SIMULATOR_TIME_SCALE) must be a number > 0");
        assertThatThrownBy(() -> SimulatorSettings.from(Config.of(Map.of("simulator.interval", "0s"), Map.of())))
                .hasMessage("config key 'simulator.interval' (env ANJIAN_SIMULATOR_INTERVAL) must be > 0");
        assertThatThrownBy(() -> SimulatorSettings.from(Config.of(Map.of("simulator.seed", "1.5"), Map.of())))
                .hasMessageContaining("'simulator.seed' (env ANJIAN_SIMULATOR_SEED) must be a whole number");
    }
}
