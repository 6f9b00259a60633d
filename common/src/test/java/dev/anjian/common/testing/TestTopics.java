package dev.anjian.common.testing;

import dev.anjian.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the contract's topics under a prefix unique to one test, so tests never see each other's data. */
public final class TestTopics {

    private TestTopics() {
    }

    public static Topics create(String bootstrap, int partitions) {
        Topics topics = new Topics("it-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        Map<String, String> compact = Map.of("cleanup.policy", "compact");
        List<NewTopic> all = List.of(
                new NewTopic(topics.deviceEvents(), partitions, (short) 1),
                new NewTopic(topics.deviceRegistry(), partitions, (short) 1).configs(compact),
                new NewTopic(topics.alarmCommands(), partitions, (short) 1),
                new NewTopic(topics.alarms(), partitions, (short) 1),
                new NewTopic(topics.deviceStatus(), partitions, (short) 1),
                new NewTopic(topics.onlineRates(), partitions, (short) 1),
                new NewTopic(topics.notifications(), partitions, (short) 1).configs(compact),
                new NewTopic(topics.deadLetter(), partitions, (short) 1));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(all).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create test topics on " + bootstrap, e.getCause());
        }
        return topics;
    }
}
