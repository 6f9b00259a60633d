package dev.anjian.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.common.testing.ItServices;
import dev.anjian.common.testing.TestTopics;
import dev.anjian.events.Device;
import dev.anjian.events.EventJson;
import dev.anjian.events.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry import against the real Kafka: all or nothing, read back as read_committed consumers see it. */
class RegistryImporterIT {

    private final String bootstrap = ItServices.kafkaBootstrap();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private Topics topics;

    @BeforeEach
    void createTopics() {
        topics = TestTopics.create(bootstrap, 3);
    }

    @Test
    void theImportedRegistryReadsBackAsExactlyTheParsedDevices() {
        List<Device> parsed = RegistryFile.parse(RegistryFileTest.EXAMPLE).devices();

        int exit = new RegistryCommand().importFile(RegistryFileTest.EXAMPLE, bootstrap, topics, false, out);

        assertThat(exit).isEqualTo(RegistryCommand.OK);
        List<ConsumerRecord<String, byte[]>> records = committed();
        assertThat(records).allSatisfy(r -> assertThat(EventJson.read(r.value(), Device.class).deviceId()).isEqualTo(r.key()));
        assertThat(records).extracting(r -> EventJson.read(r.value(), Device.class)).containsExactlyInAnyOrderElementsOf(parsed);
        assertThat(output()).contains("in one transaction", "  total: 17 devices of 6 enterprises");
    }

    @Test
    void anInvalidFileWritesNothingAtAll(@TempDir Path dir) throws IOException {
        Path file = RegistryCommandTest.writeInvalidRegistry(dir);

        int exit = new RegistryCommand().importFile(file, bootstrap, topics, true, out);

        assertThat(exit).isEqualTo(RegistryCommand.INVALID_FILE);
        assertThat(TopicContent.endOffsetSum(bootstrap, topics.deviceRegistry(), IsolationLevel.READ_UNCOMMITTED)).isZero();
    }

    @Test
    void aFailureHalfwayAbortsTheTransactionSoReadCommittedSeesNothing() throws Exception {
        List<Device> parsed = RegistryFile.parse(RegistryFileTest.EXAMPLE).devices();
        int failAt = parsed.size() / 2 + 1;
        RegistryImporter failing = new RegistryImporter(bootstrap, topics,
                HalfwayFailingSerializer.overrides(topics.deviceRegistry(), failAt));

        assertThatThrownBy(() -> failing.importDevices(parsed, false))
                .isInstanceOf(RegistryImportException.class)
                .hasMessageContaining("rolled back")
                .hasMessageContaining("injected failure at record " + failAt);

        // The first half did reach the broker (the serializer waited for it) ...
        assertThat(TopicContent.endOffsetSum(bootstrap, topics.deviceRegistry(), IsolationLevel.READ_UNCOMMITTED))
                .isGreaterThanOrEqualTo(failAt - 1);
        // ... and none of it is visible to read_committed consumers such as the jobs.
        assertThat(committed()).isEmpty();

        // The next import with the same transactional id goes through, and each device appears once.
        new RegistryImporter(bootstrap, topics).importDevices(parsed, false);
        assertThat(committed()).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(parsed.stream().map(Device::deviceId).toList());
    }

    @Test
    void pruneTombstonesDevicesThatLeftTheFileAndOnlyThen(@TempDir Path dir) throws Exception {
        Path three = Files.writeString(dir.resolve("three.yaml"), registryWith("D-1", "D-2", "D-3"));
        Path two = Files.writeString(dir.resolve("two.yaml"), registryWith("D-1", "D-3"));
        RegistryCommand command = new RegistryCommand();
        assertThat(command.importFile(three, bootstrap, topics, false, out)).isEqualTo(RegistryCommand.OK);

        assertThat(command.importFile(two, bootstrap, topics, false, out)).isEqualTo(RegistryCommand.OK);
        assertThat(latestPerKey(committed()).get("D-2")).as("without --prune D-2 stays").isNotNull();

        assertThat(command.importFile(two, bootstrap, topics, true, out)).isEqualTo(RegistryCommand.OK);
        Map<String, byte[]> latest = latestPerKey(committed());
        assertThat(latest).containsKey("D-2");
        assertThat(latest.get("D-2")).as("D-2 tombstoned").isNull();
        assertThat(latest.get("D-1")).isNotNull();
        assertThat(latest.get("D-3")).isNotNull();
        assertThat(output()).contains("pruned (tombstoned): 1 [D-2]");

        // A second prune has nothing left to remove: tombstoned ids are not live any more.
        assertThat(new RegistryImporter(bootstrap, topics).importDevices(
                RegistryFile.parse(two).devices(), true).pruned()).isEmpty();
    }

    @Test
    void aMissingRegistryTopicIsAKafkaFailure() {
        Topics nowhere = new Topics("it-missing-" + System.nanoTime() + ".");

        int exit = new RegistryCommand().importFile(RegistryFileTest.EXAMPLE, bootstrap, nowhere, false, out);

        assertThat(exit).isEqualTo(RegistryCommand.KAFKA_FAILURE);
        assertThat(output()).contains("import failed, nothing imported: registry topic " + nowhere.deviceRegistry()
                + " does not exist");
    }

    private List<ConsumerRecord<String, byte[]>> committed() {
        return TopicContent.readToEnd(bootstrap, topics.deviceRegistry(), IsolationLevel.READ_COMMITTED);
    }

    private static Map<String, byte[]> latestPerKey(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, byte[]> latest = new HashMap<>();
        records.forEach(r -> latest.put(r.key(), r.value()));
        return latest;
    }

    private static String registryWith(String... deviceIds) {
        StringBuilder yaml = new StringBuilder("""
                enterprises:
                  - id: E-IT-01
                    name: 测试企业
                    region: "410700"
                    industry: METALLURGY
                    devices:
                """);
        for (String id : deviceIds) {
            yaml.append("      - {id: ").append(id)
                    .append(", kind: CO_SENSOR, metrics: [{name: CO, unit: ppm, levels: [24, 160], clear: 20}]}\n");
        }
        return yaml.toString();
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
