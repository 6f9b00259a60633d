package dev.anjian.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.alerting.influx.InfluxSettings;
import dev.anjian.alerting.sms.SmppSettings;
import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import dev.anjian.events.Topics;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertingSettingsTest {

    private static AlertingSettings from(Map<String, String> values) {
        return AlertingSettings.from(Config.of(values, Map.of()));
    }

    @Test
    void defaults() {
        AlertingSettings settings = from(Map.of());
        assertThat(settings).isEqualTo(new AlertingSettings("127.0.0.1:9092", new Topics("anjian."), "anjian-alerting",
                Path.of("config/routing.yaml"), "log", Path.of("var/sms.log"), 0, Duration.ofMillis(500),
                Duration.ofSeconds(60), 10_000, null, null,
                new PolicySettings(Duration.ofSeconds(60), 3, Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ZERO, 3),
                new ApiSettings(true, "127.0.0.1", 8090, Path.of("config/api-tokens.yaml")),
                200_000, 50_000, 10_000, Duration.ofSeconds(60),
                new InfluxSettings("http://127.0.0.1:8086", "anjian", "", "", 3, Duration.ofMillis(500))));
    }

    @Test
    void influxCanBeRedirectedOrSwitchedOffAndNeverPrintsItsPassword() {
        AlertingSettings settings = AlertingSettings.from(Config.of(
                Map.of("influx.url", "http://127.0.0.1:18086", "influx.database", "it_1", "influx.username", "anjian"),
                Map.of("ANJIAN_INFLUX_PASSWORD", "influx-pw")));
        assertThat(settings.influx().url()).isEqualTo("http://127.0.0.1:18086");
        assertThat(settings.influx().database()).isEqualTo("it_1");
        assertThat(settings.influx().password()).isEqualTo("influx-pw");
        assertThat(settings.toString()).doesNotContain("influx-pw");
        assertThat(from(Map.of("influx.enabled", "false")).influx()).isNull();
    }

    @Test
    void fileValuesAndEnvironmentOverrides() {
        AlertingSettings settings = AlertingSettings.from(Config.of(
                Map.of("kafka.bootstrap", "127.0.0.1:19092", "topic.prefix", "demo.", "sms.log-file", "/tmp/a.log",
                        "sms.max-attempts", "5", "sms.retry-backoff", "2s", "alerting.escalation-tier2-after", "15m"),
                Map.of("ANJIAN_SMS_LOG_FILE", "/tmp/b.log", "ANJIAN_ALERTING_GROUP_ID", "g2")));
        assertThat(settings.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(settings.topics().alarms()).isEqualTo("demo.alarms");
        assertThat(settings.smsLogFile()).isEqualTo(Path.of("/tmp/b.log"));
        assertThat(settings.groupId()).isEqualTo("g2");
        assertThat(settings.smsMaxAttempts()).isEqualTo(5);
        assertThat(settings.smsRetryBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.policy().tier2After()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void smppSettingsTakeThePasswordFromTheEnvironmentAndNeverPrintIt() {
        AlertingSettings settings = AlertingSettings.from(Config.of(
                Map.of("sms.provider", "smpp", "sms.smpp.host", "10.1.2.3", "sms.smpp.system-id", "anjian"),
                Map.of("ANJIAN_SMS_SMPP_PASSWORD", "pw-from-env")));
        SmppSettings smpp = settings.smpp();
        assertThat(smpp.host()).isEqualTo("10.1.2.3");
        assertThat(smpp.port()).isEqualTo(2775);
        assertThat(smpp.password()).isEqualTo("pw-from-env");
        assertThat(settings.toString()).doesNotContain("pw-from-env").contains("****");
    }

    @Test
    void httpSettingsNeverPrintTheAuthValueOrTheQuery() {
        AlertingSettings settings = from(Map.of("sms.provider", "http", "sms.http.url", "https://sms.example.cn/v1/send?key=q-1",
                "sms.http.auth-value", "Bearer t-1"));
        assertThat(settings.http().url()).isEqualTo(URI.create("https://sms.example.cn/v1/send?key=q-1"));
        assertThat(settings.toString()).doesNotContain("t-1").doesNotContain("q-1").contains("https://sms.example.cn/v1/send");
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "sms.provider          | sns     | must be one of [log, smpp, http]",
            "sms.max-attempts      | -1      | 'sms.max-attempts' (env ANJIAN_SMS_MAX_ATTEMPTS) must be at least 0",
            "sms.backlog-max       | 0       | 'sms.backlog-max'",
            "alerting.ledger-max-entries | 0 | 'alerting.ledger-max-entries'",
            "alerting.summary-interval   | 0s | 'alerting.summary-interval'",
            "alerting.storm-window       | -1s | must not be negative",
            "api.port              | 70000   | 'api.port' (env ANJIAN_API_PORT) must be a TCP port",
            "influx.url            | 127.0.0.1:8086 | 'influx.url' (env ANJIAN_INFLUX_URL) must be an http(s) URL",
            "influx.max-retries    | -1      | 'influx.max-retries'",
    })
    void rejectsNonsense(String key, String value, String message) {
        assertThatThrownBy(() -> from(Map.of(key, value))).isInstanceOf(ConfigException.class).hasMessageContaining(message);
    }

    @Test
    void aSelectedProviderNeedsItsEndpoint() {
        assertThatThrownBy(() -> from(Map.of("sms.provider", "smpp"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'sms.smpp.system-id'").hasMessageContaining("required when sms.provider=smpp");
        assertThatThrownBy(() -> from(Map.of("sms.provider", "http"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'sms.http.url'");
        assertThatThrownBy(() -> from(Map.of("sms.provider", "http", "sms.http.url", "http://h/x",
                "sms.http.template", "{\"to\":\"${phone}\"}"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'sms.http.template'").hasMessageContaining("needs both ${phone} and ${text}");
    }

    /** The documented example file mentions every key the settings read, and its defaults are the code's. */
    @Test
    void theExampleConfigDocumentsEveryKey() throws Exception {
        String example = Files.readString(Path.of("../config/alerting.properties"));
        String code = Files.readString(Path.of("src/main/java/dev/anjian/alerting/AlertingSettings.java"));
        Matcher keys = Pattern.compile("\"((?:sms|alerting|api|kafka|topic|influx)\\.[a-z0-9.-]+)\"").matcher(code);
        int found = 0;
        while (keys.find()) {
            if (keys.group(1).startsWith("sms.provider=")) {
                continue;
            }
            assertThat(example).as("config/alerting.properties documents %s", keys.group(1)).contains("#" + keys.group(1) + "=");
            found++;
        }
        assertThat(found).isGreaterThan(30);
        AlertingSettings fromExample = AlertingSettings.from(Config.load(Path.of("../config/alerting.properties"), Map.of()));
        assertThat(fromExample).isEqualTo(from(Map.of()));
    }
}
