package dev.anjian.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import dev.anjian.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertingSettingsTest {

    @Test
    void defaults() {
        AlertingSettings settings = AlertingSettings.from(Config.of(Map.of(), Map.of()));
        assertThat(settings).isEqualTo(new AlertingSettings("127.0.0.1:9092", new Topics("anjian."), "anjian-alerting",
                Path.of("config/routing.yaml"), "log", Path.of("var/sms.log"), 3, Duration.ofMillis(500), 200_000,
                Duration.ofSeconds(60)));
    }

    @Test
    void fileValuesAndEnvironmentOverrides() {
        AlertingSettings settings = AlertingSettings.from(Config.of(
                Map.of("kafka.bootstrap", "127.0.0.1:19092", "topic.prefix", "demo.", "sms.log-file", "/tmp/a.log",
                        "sms.max-attempts", "5", "sms.retry-backoff", "2s"),
                Map.of("ANJIAN_SMS_LOG_FILE", "/tmp/b.log", "ANJIAN_ALERTING_GROUP_ID", "g2")));
        assertThat(settings.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(settings.topics().alarms()).isEqualTo("demo.alarms");
        assertThat(settings.smsLogFile()).isEqualTo(Path.of("/tmp/b.log"));
        assertThat(settings.groupId()).isEqualTo("g2");
        assertThat(settings.smsMaxAttempts()).isEqualTo(5);
        assertThat(settings.smsRetryBackoff()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void rejectsAnUnknownProvider() {
        assertThatThrownBy(() -> AlertingSettings.from(Config.of(Map.of("sms.provider", "smpp"), Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'sms.provider'")
                .hasMessageContaining("ANJIAN_SMS_PROVIDER")
                .hasMessageContaining("[log]");
    }

    @Test
    void rejectsNonsenseLimits() {
        assertThatThrownBy(() -> AlertingSettings.from(Config.of(Map.of("sms.max-attempts", "0"), Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'sms.max-attempts'");
        assertThatThrownBy(() -> AlertingSettings.from(Config.of(Map.of("alerting.ledger-max-entries", "0"), Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'alerting.ledger-max-entries'");
        assertThatThrownBy(() -> AlertingSettings.from(Config.of(Map.of("alerting.summary-interval", "0s"), Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'alerting.summary-interval'");
    }

    /** The documented example file mentions every key the settings read. */
    @Test
    void theExampleConfigDocumentsEveryKey() throws Exception {
        String example = java.nio.file.Files.readString(Path.of("../config/alerting.properties"));
        for (String key : new String[] {"kafka.bootstrap", "topic.prefix", "alerting.group-id", "alerting.routing-file",
                "alerting.ledger-max-entries", "alerting.summary-interval", "sms.provider", "sms.log-file",
                "sms.max-attempts", "sms.retry-backoff"}) {
            assertThat(example).contains("#" + key + "=");
        }
        AlertingSettings fromExample = AlertingSettings.from(Config.load(Path.of("../config/alerting.properties"), Map.of()));
        assertThat(fromExample).isEqualTo(AlertingSettings.from(Config.of(Map.of(), Map.of())));
    }
}
