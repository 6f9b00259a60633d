package dev.anjian.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {

    @Test
    void defaults() {
        IngestSettings settings = IngestSettings.from(Config.of(Map.of(), Map.of()));

        assertThat(settings.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.topics().deviceEvents()).isEqualTo("anjian.device-events");
        assertThat(settings.kafkaClientId()).isEqualTo("anjian-ingest");
        assertThat(settings.mqttUrl()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(settings.mqttClientId()).isEqualTo("anjian-ingest-1");
        assertThat(settings.mqttUsername()).isEmpty();
        assertThat(settings.mqttShareGroup()).isEqualTo("anjian-ingest");
        assertThat(settings.mqttSubscription()).isEqualTo("$share/anjian-ingest/anjian/telemetry/+/+");
        assertThat(settings.mqttSessionExpiry()).isEqualTo(Duration.ofDays(1));
        assertThat(settings.mqttMaxInFlight()).isEqualTo(1000);
        assertThat(settings.mqttMaxPayloadBytes()).isEqualTo(65_536);
        assertThat(settings.mqttCloseTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void fileValuesAndEnvironmentOverrides() {
        IngestSettings settings = IngestSettings.from(Config.of(
                Map.of("mqtt.url", "tcp://10.0.0.5:1883", "mqtt.max-in-flight", "50", "topic.prefix", "test."),
                Map.of("ANJIAN_MQTT_CLIENT_ID", "ingest-b", "ANJIAN_MQTT_SESSION_EXPIRY", "2h",
                        "ANJIAN_MQTT_SHARE_GROUP", "g2")));

        assertThat(settings.mqttUrl()).isEqualTo("tcp://10.0.0.5:1883");
        assertThat(settings.mqttMaxInFlight()).isEqualTo(50);
        assertThat(settings.topics().deadLetter()).isEqualTo("test.dead-letter");
        assertThat(settings.mqttClientId()).isEqualTo("ingest-b");
        assertThat(settings.mqttSessionExpiry()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.mqttSubscription()).isEqualTo("$share/g2/anjian/telemetry/+/+");
    }

    @Test
    void invalidValuesNameTheirKey() {
        assertThatThrownBy(() -> settings(Map.of("mqtt.max-in-flight", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mqtt.max-in-flight");
        assertThatThrownBy(() -> settings(Map.of("mqtt.max-in-flight", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mqtt.max-in-flight");
        assertThatThrownBy(() -> settings(Map.of("mqtt.session-expiry", "0s")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mqtt.session-expiry");
        assertThatThrownBy(() -> settings(Map.of("mqtt.share-group", "a/b")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mqtt.share-group");
        assertThatThrownBy(() -> settings(Map.of("mqtt.max-payload-bytes", "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mqtt.max-payload-bytes");
    }

    @Test
    void toStringMasksThePassword() {
        IngestSettings settings = settings(Map.of("mqtt.username", "ingest", "mqtt.password", "s3cret"));
        assertThat(settings.mqttPassword()).isEqualTo("s3cret");
        assertThat(settings.toString()).contains("mqtt.username=ingest").contains("****").doesNotContain("s3cret");
    }

    private static IngestSettings settings(Map<String, String> values) {
        return IngestSettings.from(Config.of(values, Map.of()));
    }
}
