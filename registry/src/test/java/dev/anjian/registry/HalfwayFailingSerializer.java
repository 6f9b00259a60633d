package dev.anjian.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.awaitility.Awaitility;

/**
 * A value serializer for the real producer that fails on record number {@value #FAIL_AT_KEY}, but only
 * after the records before it are physically in the topic (uncommitted), so a test can show that the
 * importer's abort hides records that did reach the broker. The producer's sender thread keeps sending
 * while this waits in the caller's thread.
 */
public final class HalfwayFailingSerializer implements Serializer<byte[]> {

    static final String FAIL_AT_KEY = "anjian.test.fail-at-record";
    static final String TOPIC_KEY = "anjian.test.topic";

    private int failAt;
    private String topic;
    private String bootstrap;
    private int count;

    static Properties overrides(String topic, int failAt) {
        Properties props = new Properties();
        props.put("value.serializer", HalfwayFailingSerializer.class.getName());
        props.put(FAIL_AT_KEY, String.valueOf(failAt));
        props.put(TOPIC_KEY, topic);
        return props;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        failAt = Integer.parseInt(String.valueOf(configs.get(FAIL_AT_KEY)));
        topic = String.valueOf(configs.get(TOPIC_KEY));
        bootstrap = String.valueOf(configs.get("bootstrap.servers"));
    }

    @Override
    public byte[] serialize(String ignoredTopic, byte[] data) {
        count++;
        if (count < failAt) {
            return data;
        }
        Awaitility.await("the first " + (failAt - 1) + " records on the broker, uncommitted")
                .atMost(Duration.ofSeconds(30))
                .until(() -> uncommittedEndOffset() >= failAt - 1);
        throw new SerializationException("injected failure at record " + count);
    }

    private long uncommittedEndOffset() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get()
                    .values().stream().mapToLong(info -> info.offset()).sum();
        }
    }
}
