package dev.anjian.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The local stack a run uses (deploy/local/stack.sh): where Kafka, InfluxDB and Mosquitto listen and the
 * folder with their pid files. {@code bench}: a stack of its own on ports 29092/28086/21883 under
 * deploy/local/var/bench, started by {@code bench/run.sh stack start} with stack.sh's port overrides, so
 * that 15,000 msg/s on anjian/telemetry/+/+ never reach the MQTT bridges of integration tests running on
 * the test stack. {@code test}: the running test stack (19092/18086/11883).
 */
public record BenchStack(String name, String kafkaBootstrap, String influxUrl, String mqttUrl, Path dir) {

    public static BenchStack preset(String name, Path repoRoot) {
        Path var = repoRoot.resolve("deploy/local/var");
        return switch (name) {
            case "bench" -> new BenchStack(name, "127.0.0.1:29092", "http://127.0.0.1:28086", "tcp://127.0.0.1:21883",
                    var.resolve("bench"));
            case "test" -> new BenchStack(name, "127.0.0.1:19092", "http://127.0.0.1:18086", "tcp://127.0.0.1:11883",
                    var.resolve("test"));
            default -> throw new IllegalArgumentException("--stack must be bench or test, was '" + name + "'");
        };
    }

    public BenchStack with(String kafka, String influx, String mqtt) {
        return new BenchStack(name, kafka == null ? kafkaBootstrap : kafka, influx == null ? influxUrl : influx,
                mqtt == null ? mqttUrl : mqtt, dir);
    }

    public String mqttHost() {
        return URI.create(mqttUrl).getHost();
    }

    public int mqttPort() {
        return URI.create(mqttUrl).getPort();
    }

    /**
     * Whether Mosquitto logged that it dropped messages queued for this client: its queue for one client is
     * bounded (max_queued_messages 100,000 in stack.sh's config), beyond that QoS 1 messages are lost at the
     * broker, before the bridge could take them.
     */
    public boolean brokerDropped(String clientId) {
        try (var lines = Files.lines(dir.resolve("mosquitto/mosquitto.log"))) {
            return lines.anyMatch(l -> l.contains("Outgoing messages are being dropped for client " + clientId + "."));
        } catch (IOException | UncheckedIOException e) {
            return false; // no log to read (another stack layout): the readings count still shows any loss
        }
    }

    /** Pids of the stack's daemons from their pid files; a daemon without one is left out (not sampled). */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pid("kafka/kafka.pid").ifPresent(p -> pids.put("kafka", p));
        pid("influxdb/influxdb.pid").ifPresent(p -> pids.put("influxdb", p));
        pid("mosquitto/mosquitto.pid").ifPresent(p -> pids.put("mosquitto", p));
        return pids;
    }

    private OptionalLong pid(String file) {
        try {
            String text = Files.readString(dir.resolve(file)).replaceAll("\\D", "");
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}
