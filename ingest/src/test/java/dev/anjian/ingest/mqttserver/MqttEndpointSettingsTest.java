package dev.anjian.ingest.mqttserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MqttEndpointSettingsTest {

    private static MqttEndpointSettings settings(Map<String, String> values) {
        return MqttEndpointSettings.from(Config.of(values, Map.of()));
    }

    @Test
    void defaultsAreOffOnLoopbackPort1884() {
        MqttEndpointSettings settings = settings(Map.of());

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.bind()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(1884);
        assertThat(settings.maxConnections()).isEqualTo(10_000);
        assertThat(settings.maxInFlight()).isEqualTo(100);
        assertThat(settings.keepAliveMax()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.registryTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxPayloadBytes()).isEqualTo(65_536);
        assertThat(settings.maxPacketRemainingBytes()).isEqualTo(65_536 + 1024);
        assertThat(settings.topics().deviceRegistry()).isEqualTo("anjian.device-registry");
        assertThat(settings.gatewayId()).isEqualTo("anjian-ingest-1"); // mqtt.client-id's default, as the bridge's
    }

    @Test
    void fileValuesAndEnvironmentOverridesAreRead() {
        MqttEndpointSettings settings = MqttEndpointSettings.from(Config.of(
                Map.of("mqtt-endpoint.enabled", "true", "mqtt-endpoint.port", "0", "mqtt.max-payload-bytes", "2048"),
                Map.of("ANJIAN_MQTT_ENDPOINT_MAX_IN_FLIGHT", "8", "ANJIAN_MQTT_ENDPOINT_KEEP_ALIVE_MAX", "90s",
                        "ANJIAN_MQTT_CLIENT_ID", "anjian-ingest-0")));

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.port()).isZero();
        assertThat(settings.maxInFlight()).isEqualTo(8);
        assertThat(settings.keepAliveMax()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.maxPacketRemainingBytes()).isEqualTo(2048 + 1024);
        assertThat(settings.gatewayId()).isEqualTo("anjian-ingest-0");
    }

    @Test
    void invalidValuesNameTheirKey() {
        for (Map<String, String> bad : java.util.List.of(Map.of("mqtt-endpoint.port", "70000"),
                Map.of("mqtt-endpoint.max-in-flight", "0"), Map.of("mqtt-endpoint.max-in-flight", "65536"),
                Map.of("mqtt-endpoint.max-connections", "0"), Map.of("mqtt-endpoint.keep-alive-max", "0s"),
                Map.of("mqtt-endpoint.keep-alive-max", "500ms"), Map.of("mqtt-endpoint.keep-alive-max", "19h"),
                Map.of("mqtt-endpoint.connect-timeout", "0s"))) {
            String key = bad.keySet().iterator().next();
            assertThatThrownBy(() -> settings(bad)).as(key).isInstanceOf(ConfigException.class).hasMessageContaining(key);
        }
    }
}
