package dev.anjian.bench.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.common.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawBaselinesSettingsTest {

    @Test
    void defaultsAreTheTestStackAndAllFourBaselines() {
        RawBaselinesSettings s = RawBaselinesSettings.from(RawBaselinesSettings.parse(new String[0]));

        assertThat(s.mqttUrl()).isEqualTo("tcp://127.0.0.1:11883");
        assertThat(s.influxUrl()).isEqualTo("http://127.0.0.1:18086");
        assertThat(s.kafka()).isEqualTo("127.0.0.1:19092");
        assertThat(s.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.only()).containsExactly("mqtt", "influx", "sink", "kafka");
        assertThat(s.qos()).isEqualTo(1);
        assertThat(s.batchSize()).isEqualTo(5000);
        assertThat(s.out()).isNull();
    }

    @Test
    void readsTheCommandLine() {
        RawBaselinesSettings s = RawBaselinesSettings.from(RawBaselinesSettings.parse(new String[] {
            "--duration", "45s", "--runs", "3", "--only", "influx, sink", "--qos", "0", "--out", "target/raw"}));

        assertThat(s.duration()).isEqualTo(Duration.ofSeconds(45));
        assertThat(s.runs()).isEqualTo(3);
        assertThat(s.only()).containsExactly("influx", "sink");
        assertThat(s.runs("mqtt")).isFalse();
        assertThat(s.qos()).isZero();
        assertThat(s.out()).isEqualTo(Path.of("target/raw"));
        assertThat(s.asMap()).containsEntry("only", "influx,sink").containsEntry("runs", "3");
    }

    @Test
    void rejectsUnknownKeysBaselinesAndQos() {
        for (List<String> args : List.of(List.of("--dration", "30s"), List.of("--duration"), List.of("--only", "mqtt,redis"),
                List.of("--qos", "2"), List.of("--runs", "0"))) {
            assertThatThrownBy(() -> RawBaselinesSettings.from(RawBaselinesSettings.parse(args.toArray(String[]::new))))
                    .as("%s", args).isInstanceOf(ConfigException.class);
        }
    }
}
