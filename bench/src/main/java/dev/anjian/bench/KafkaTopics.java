package dev.anjian.bench;

import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The contract's topics under a prefix of one phase of one run (e.g. {@code bench-20261129-101500-broker.}),
 * created before the components start (the stack's broker does not auto-create topics) and deleted after
 * the phase: a 2-minute run at 45,000 events/s leaves over a gigabyte on device-events.
 */
final class KafkaTopics {

    static final int PARTITIONS = 4;

    private KafkaTopics() {
    }

    static void create(String bootstrap, Topics topics) throws InterruptedException {
        Map<String, String> compact = Map.of("cleanup.policy", "compact");
        List<NewTopic> all = List.of(
                new NewTopic(topics.deviceEvents(), PARTITIONS, (short) 1),
                new NewTopic(topics.deviceRegistry(), PARTITIONS, (short) 1).configs(compact),
                new NewTopic(topics.alarmCommands(), PARTITIONS, (short) 1),
                new NewTopic(topics.alarms(), PARTITIONS, (short) 1),
                new NewTopic(topics.deviceStatus(), PARTITIONS, (short) 1),
                new NewTopic(topics.onlineRates(), PARTITIONS, (short) 1),
                new NewTopic(topics.notifications(), PARTITIONS, (short) 1).configs(compact),
                new NewTopic(topics.deadLetter(), PARTITIONS, (short) 1));
        try (Admin admin = admin(bootstrap)) {
            admin.createTopics(all).all().get(60, TimeUnit.SECONDS);
            awaitVisible(bootstrap, all.stream().map(NewTopic::name).toList());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the topics " + topics.prefix() + "* on " + bootstrap + ": " + e, e);
        }
    }

    /**
     * Until a client's metadata shows every topic with a leader for each partition: createTopics returns when
     * the controller has them, a moment before the broker serves them (the registry import writes at once).
     */
    private static void awaitVisible(String bootstrap, List<String> names) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaClients.reader(bootstrap, "bench-topics"))) {
            for (String name : names) {
                while (consumer.partitionsFor(name).stream().filter(p -> p.leader() != null && !p.leader().isEmpty()).count()
                        < PARTITIONS) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("topic " + name + " created but not visible after 30 s");
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    static void delete(String bootstrap, Topics topics) throws InterruptedException {
        try (Admin admin = admin(bootstrap)) {
            List<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(n -> n.startsWith(topics.prefix())).toList();
            admin.deleteTopics(names).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot delete the topics " + topics.prefix() + "* on " + bootstrap + ": " + e, e);
        }
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}
