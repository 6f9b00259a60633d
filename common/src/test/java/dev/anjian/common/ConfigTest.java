package dev.anjian.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @TempDir
    Path dir;

    @Test
    void fileValuesAreOverriddenByTheEnvironment() throws IOException {
        Path file = dir.resolve("ingest.properties");
        Files.writeString(file, "kafka.bootstrap = 127.0.0.1:9092\nmqtt.max-in-flight=500\n");
        Config config = Config.load(file, Map.of("ANJIAN_KAFKA_BOOTSTRAP", "10.0.0.1:9092"));

        assertThat(config.string("kafka.bootstrap")).isEqualTo("10.0.0.1:9092");
        assertThat(config.integer("mqtt.max-in-flight", 1000)).isEqualTo(500);
        assertThat(config.integer("absent", 7)).isEqualTo(7);
    }

    @Test
    void envNamesAreDerivedFromKeys() {
        assertThat(Config.envName("mqtt.max-in-flight")).isEqualTo("ANJIAN_MQTT_MAX_IN_FLIGHT");
    }

    @Test
    void durationsTakeUnitsAndIso() {
        Config config = Config.of(Map.of("a", "500ms", "b", "30s", "c", "5m", "d", "PT2H", "e", "ten"), Map.of());
        assertThat(config.duration("a", null)).isEqualTo(Duration.ofMillis(500));
        assertThat(config.duration("b", null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.duration("c", null)).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.duration("d", null)).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> config.duration("e", null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config key 'e' (env ANJIAN_E) must be a duration such as 500ms, 30s, 5m, 2h or PT30S, was 'ten'");
    }

    @Test
    void errorsNameTheKeyAndItsEnvironmentVariable() {
        Config config = Config.of(Map.of("n", "many", "flag", "maybe"), Map.of());
        assertThatThrownBy(() -> config.integer("n", 1)).hasMessage("config key 'n' (env ANJIAN_N) must be an integer, was 'many'");
        assertThatThrownBy(() -> config.bool("flag", true)).hasMessageContaining("must be true or false");
        assertThatThrownBy(() -> config.string("influx.url"))
                .hasMessage("missing config key 'influx.url' (in defaults or env ANJIAN_INFLUX_URL)");
        assertThatThrownBy(() -> Config.load(dir.resolve("missing.properties")))
                .hasMessageStartingWith("config file not found: ");
    }

    @Test
    void boundedValuesNameTheKeyAndTheBound() {
        Config config = Config.of(Map.of("n", "0", "every", "0s", "grace", "-1s"), Map.of());
        assertThat(config.integer("absent", 5, 1)).isEqualTo(5);
        assertThatThrownBy(() -> config.integer("n", 1, 1)).hasMessage("config key 'n' (env ANJIAN_N) must be >= 1, was 0");
        assertThatThrownBy(() -> config.positiveDuration("every", Duration.ofSeconds(1)))
                .hasMessage("config key 'every' (env ANJIAN_EVERY) must be > 0, was PT0S");
        assertThat(config.nonNegativeDuration("every", Duration.ofSeconds(1))).isZero();
        assertThatThrownBy(() -> config.nonNegativeDuration("grace", Duration.ZERO))
                .hasMessage("config key 'grace' (env ANJIAN_GRACE) must be >= 0, was PT-1S");
    }
}
