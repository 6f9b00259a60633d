package dev.anjian.simulator.vehicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.anjian.common.Config;
import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.common.testing.ItServices;
import dev.anjian.common.testing.TestTopics;
import dev.anjian.common.testing.TopicReader;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.EventJson;
import dev.anjian.events.Topics;
import dev.anjian.ingest.jt808.Jt808Gateway;
import dev.anjian.ingest.jt808.Jt808Settings;
import dev.anjian.ingest.kafka.EventPublisher;
import dev.anjian.registry.RegistryFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The example registry's fleet through the real gateway into the real Kafka: the README demo, compressed. */
class FleetSimulatorIT {

    private static final Path REGISTRY = Path.of("..", "config", "registry", "henan-example.yaml");

    @Test
    void exampleFleetReportsAndBackfillsAfterItsBlackout() throws Exception {
        String bootstrap = ItServices.kafkaBootstrap();
        Topics topics = TestTopics.create(bootstrap, 2);
        List<Device> devices = RegistryFile.parse(REGISTRY).devices();
        Set<String> vehicles = devices.stream().filter(d -> d.kind() == DeviceKind.VEHICLE_TERMINAL)
                .map(Device::deviceId).collect(Collectors.toSet());
        try (KafkaProducer<String, byte[]> registry = new KafkaProducer<>(KafkaClients.producer(bootstrap, "it-fleet-registry"))) {
            for (Device d : devices) {
                registry.send(new ProducerRecord<>(topics.deviceRegistry(), d.deviceId(), EventJson.write(d))).get();
            }
        }
        Jt808Settings gatewaySettings = Jt808Settings.from(Config.of(Map.of("kafka.bootstrap", bootstrap,
                "topic.prefix", topics.prefix(), "jt808.port", "0"), Map.of()));
        try (EventPublisher publisher = new EventPublisher(bootstrap, "it-fleet", topics);
             Jt808Gateway gateway = new Jt808Gateway(gatewaySettings, publisher).start()) {
            FleetSettings fleet = FleetSettings.from(Config.of(Map.of("fleet.gateway-port", String.valueOf(gateway.server().port()),
                    "fleet.registry-file", REGISTRY.toString(), "fleet.report-interval", "200ms",
                    "fleet.blackout-after", "1s", "fleet.blackout-for", "1s"), Map.of()));
            try (FleetSimulator simulator = new FleetSimulator(fleet).start();
                 TopicReader<DeviceEvent> events = new TopicReader<>(bootstrap, topics.deviceEvents(), DeviceEvent.class)) {
                assertThat(simulator.size()).isEqualTo(6).isEqualTo(vehicles.size());
                List<DeviceEvent> seen = events.awaitValues(v -> v.stream().anyMatch(DeviceEvent::backfilled)
                        && v.stream().filter(e -> e.location() != null).map(DeviceEvent::deviceId).distinct().count() == 6,
                        Duration.ofSeconds(30));
                assertThat(seen.stream().filter(DeviceEvent::backfilled).map(DeviceEvent::deviceId))
                        .containsOnly("HN-ZZ-FL01-V01");
                assertThat(seen.stream().filter(e -> e.connectivity() != null && e.deviceId().equals("HN-ZZ-FL01-V01"))
                        .map(e -> e.connectivity().state().name()))
                        .startsWith("CONNECTED", "DISCONNECTED", "CONNECTED");
                await().atMost(Duration.ofSeconds(10)).until(() -> simulator.stats().backfillBatches() >= 1);
                assertThat(simulator.stats().refusals()).isZero();
                assertThat(simulator.stats().authenticated()).isEqualTo(7); // six vehicles + one reconnect
            }
        }
    }
}
