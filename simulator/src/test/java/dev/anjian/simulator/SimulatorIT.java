package dev.anjian.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anjian.common.testing.ItServices;
import dev.anjian.events.Device;
import dev.anjian.events.EventJson;
import dev.anjian.events.MetricSpec;
import dev.anjian.events.Quality;
import dev.anjian.ingest.mqtt.TelemetryMessage;
import dev.anjian.registry.RegistryFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.DoublePredicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator against the real Mosquitto: the example registry under enterprise ids unique to this run
 * (so the topics are this test's own), the whole scenario at 20x speed with the demo's sampling density
 * (2 scenario seconds per message), received by a plain subscriber to anjian/telemetry/#.
 */
class SimulatorIT {

    private static final double TIME_SCALE = 20;
    private static final Duration INTERVAL = Duration.ofMillis(100);
    /** The whole 150 s scenario plus 10 s of normal values, in wall time at 20x. */
    private static final Duration RUN = Duration.ofMillis(8_000);

    private record Received(String topic, byte[] payload) {
    }

    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final String runId = "E-IT" + UUID.randomUUID().toString().substring(0, 6);
    private MqttClient subscriber;

    @BeforeEach
    void subscribe() throws MqttException {
        subscriber = new MqttClient(ItServices.mqttUrl(), "simulator-it-" + runId, new MemoryPersistence());
        subscriber.setCallback(new Collector());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        subscriber.connect(options);
        subscriber.subscribe(TelemetryMessage.TOPIC_ROOT + "/#", 1);
    }

    @AfterEach
    void unsubscribe() throws MqttException {
        subscriber.disconnect();
        subscriber.close();
    }

    @Test
    void publishesEverySensorInTheDocumentedFormatWithTheAmmoniaLeakCrossingBothLevelsInOrder(@TempDir Path dir)
            throws Exception {
        Path registry = registryForThisRun(dir);
        List<Device> devices = RegistryFile.parse(registry).devices();
        List<Device> sensors = devices.stream().filter(d -> !d.metrics().isEmpty()).toList();
        long startedAt = System.currentTimeMillis();

        long published;
        try (Simulator simulator = new Simulator(new SimulatorSettings(ItServices.mqttUrl(), "simulator-" + runId,
                registry, INTERVAL, TIME_SCALE, 42, Optional.of(RUN)))) {
            simulator.start();
            assertThat(simulator.awaitFinished(RUN.plusSeconds(30))).as("finished after its duration").isTrue();
            published = simulator.publishedCount();
        }
        // Every acknowledged message reaches the subscriber: nothing lost on the way.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ours().size() >= published);
        List<Received> messages = ours();
        assertThat(messages).hasSize((int) published);

        Map<String, List<JsonNode>> byDevice = payloadsByDevice(messages, sensors, startedAt);
        assertThat(byDevice.keySet()).as("every sensor published")
                .containsExactlyInAnyOrderElementsOf(sensors.stream().map(Device::deviceId).toList());

        assertAmmoniaLeakCrossesLevelsInOrder(device(devices, "HN-ZZ-RF01-NH3-MR"), byDevice.get("HN-ZZ-RF01-NH3-MR"));
        assertThat(byDevice.get("HN-LY-CH01-LEL-D1")).extracting(p -> p.get("quality").asText())
                .as("the calibration run, flagged and then normal again").contains("CALIBRATING", "NORMAL")
                .last().isEqualTo("NORMAL");
        assertThat(byDevice.get("HN-AY-ST01-CO-GH")).as("the silenced sensor published less than its neighbour")
                .hasSizeLessThan(byDevice.get("HN-AY-ST01-CO-VS").size());
    }

    /** Checks topic and payload format of every message; returns the payloads per device in arrival order. */
    private Map<String, List<JsonNode>> payloadsByDevice(List<Received> messages, List<Device> sensors, long startedAt)
            throws IOException {
        Map<String, Device> byTopic = sensors.stream()
                .collect(Collectors.toMap(d -> TelemetryMessage.topic(d.enterpriseId(), d.deviceId()), d -> d));
        Map<String, List<JsonNode>> byDevice = new LinkedHashMap<>();
        Set<String> qualities = Arrays.stream(Quality.values()).map(Enum::name).collect(Collectors.toSet());
        for (Received message : messages) {
            Device device = byTopic.get(message.topic());
            assertThat(device).as("topic %s names a registered sensor", message.topic()).isNotNull();
            JsonNode payload = EventJson.mapper().readTree(message.payload());
            assertThat(payload.properties()).extracting(Map.Entry::getKey).containsExactly("ts", "quality", "metrics");
            assertThat(payload.get("ts").isIntegralNumber()).isTrue();
            assertThat(payload.get("ts").asLong()).isBetween(startedAt, System.currentTimeMillis());
            assertThat(payload.get("quality").asText()).isIn(qualities);
            assertThat(payload.get("metrics").properties()).extracting(Map.Entry::getKey)
                    .containsExactlyElementsOf(device.metrics().stream().map(MetricSpec::metric).toList());
            payload.get("metrics").forEach(value -> assertThat(value.isNumber()).isTrue());
            byDevice.computeIfAbsent(device.deviceId(), id -> new ArrayList<>()).add(payload);
        }
        return byDevice;
    }

    private static void assertAmmoniaLeakCrossesLevelsInOrder(Device device, List<JsonNode> payloads) {
        MetricSpec nh3 = device.metric("NH3").orElseThrow();
        List<Double> values = payloads.stream().map(p -> p.get("metrics").get("NH3").asDouble()).toList();
        int firstLevel1 = indexOf(values, 0, v -> nh3.levelOf(v) >= 1);
        int firstLevel2 = indexOf(values, firstLevel1 + 1, v -> nh3.levelOf(v) == 2);
        int cleared = indexOf(values, firstLevel2 + 1, v -> v < nh3.clear());
        assertThat(firstLevel1).as("NH3 values %s: level 1 (%s) reached", values, nh3.threshold(1)).isPositive();
        assertThat(firstLevel2).as("NH3 values %s: then level 2 (%s)", values, nh3.threshold(2)).isGreaterThan(firstLevel1);
        assertThat(cleared).as("NH3 values %s: then below clear (%s)", values, nh3.clear()).isGreaterThan(firstLevel2);
        assertThat(nh3.levelOf(values.get(0))).as("normal before the leak").isZero();
    }

    private static int indexOf(List<Double> values, int from, DoublePredicate condition) {
        for (int i = Math.max(from, 0); i < values.size(); i++) {
            if (condition.test(values.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The example registry with this run's enterprise ids, so its MQTT topics are this test's alone. */
    private Path registryForThisRun(Path dir) throws IOException {
        String example = Files.readString(ExampleRegistry.FILE, StandardCharsets.UTF_8);
        return Files.writeString(dir.resolve("registry.yaml"), example.replace("id: E-HN-", "id: " + runId + "-"));
    }

    private List<Received> ours() {
        String prefix = TelemetryMessage.TOPIC_ROOT + "/" + runId + "-";
        synchronized (received) {
            return received.stream().filter(r -> r.topic().startsWith(prefix)).toList();
        }
    }

    private static Device device(List<Device> devices, String id) {
        return devices.stream().filter(d -> d.deviceId().equals(id)).findFirst().orElseThrow();
    }

    /** Keeps every message; connection events need no handling, a lost message shows in the count check. */
    private final class Collector implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(new Received(topic, message.getPayload()));
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
