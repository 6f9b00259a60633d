package dev.anjian.registry;

import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.events.Device;
import dev.anjian.events.EventJson;
import dev.anjian.events.Topics;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a validated registry to the compacted device-registry topic (key device id, value the
 * {@link Device} JSON) in ONE Kafka transaction: consumers reading read_committed (the jobs, alerting)
 * see either the whole file or none of it. With {@code prune}, devices live on the topic but absent from
 * the file get a tombstone in the same transaction.
 *
 * <p>The transactional id is {@code anjian-registry-import:<topic>}: two imports into the same topic
 * fence each other (the older one aborts) instead of interleaving.
 */
public final class RegistryImporter {

    private static final Logger log = LoggerFactory.getLogger(RegistryImporter.class);

    private final String bootstrap;
    private final Topics topics;
    private final Properties producerOverrides;

    public RegistryImporter(String bootstrap, Topics topics) {
        this(bootstrap, topics, new Properties());
    }

    /** For tests that inject a failure into the real producer (e.g. a value serializer that throws). */
    RegistryImporter(String bootstrap, Topics topics, Properties producerOverrides) {
        this.bootstrap = bootstrap;
        this.topics = topics;
        this.producerOverrides = producerOverrides;
    }

    public static String transactionalId(Topics topics) {
        return "anjian-registry-import:" + topics.deviceRegistry();
    }

    /**
     * Imports {@code devices} (already validated, see {@link RegistryFile}) and returns what was written.
     * Throws when Kafka fails; the transaction is then aborted and nothing of this import is visible.
     */
    public RegistrySummary importDevices(List<Device> devices, boolean prune) throws RegistryImportException {
        String topic = topics.deviceRegistry();
        RegistryTopic registryTopic = new RegistryTopic(bootstrap, topic);
        registryTopic.requireExists();
        List<String> pruned = prune ? absentFromFile(registryTopic.liveDeviceIds(), devices) : List.of();
        log.info("importing {} devices into {} at {} in one transaction ({} to prune)",
                devices.size(), topic, bootstrap, pruned.size());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties())) {
            initTransactions(producer);
            writeInOneTransaction(producer, topic, devices, pruned);
        }
        log.info("import into {} committed: {} devices, {} tombstones", topic, devices.size(), pruned.size());
        return new RegistrySummary(devices, pruned);
    }

    private void writeInOneTransaction(KafkaProducer<String, byte[]> producer, String topic, List<Device> devices,
                                       List<String> pruned) throws RegistryImportException {
        try {
            producer.beginTransaction();
            for (Device device : devices) {
                producer.send(new ProducerRecord<>(topic, device.deviceId(), EventJson.write(device)));
            }
            for (String deviceId : pruned) {
                producer.send(new ProducerRecord<>(topic, deviceId, null));
            }
            // Fails if any send above failed, so a commit always means every record is in.
            producer.commitTransaction();
        } catch (RuntimeException e) {
            abort(producer, e);
            throw new RegistryImportException("import into " + topic + " failed and was rolled back, nothing of it "
                    + "is visible: " + e.getMessage(), e);
        }
    }

    private void initTransactions(KafkaProducer<String, byte[]> producer) throws RegistryImportException {
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            throw new RegistryImportException("cannot start a transaction on Kafka at " + bootstrap + ": "
                    + e.getMessage(), e);
        }
    }

    private static void abort(KafkaProducer<String, byte[]> producer, RuntimeException cause) {
        try {
            producer.abortTransaction();
            log.warn("registry import aborted: {}", cause.toString());
        } catch (RuntimeException abortFailure) {
            // A fenced or broken producer cannot abort; the broker aborts its transaction on timeout or
            // when the next import with the same transactional id starts. Either way nothing commits.
            cause.addSuppressed(abortFailure);
            log.warn("registry import failed ({}) and the abort failed too ({}); the broker will abort it",
                    cause.toString(), abortFailure.toString());
        }
    }

    private static List<String> absentFromFile(Set<String> live, List<Device> devices) {
        Set<String> absent = new TreeSet<>(live);
        devices.forEach(d -> absent.remove(d.deviceId()));
        return List.copyOf(absent);
    }

    private Properties producerProperties() {
        Properties props = KafkaClients.producer(bootstrap, "anjian-registry-import");
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(topics));
        // A command, not a gateway: wait for a fresh broker to create its transaction log (it can take longer
        // than the gateways' 5 s on a loaded machine) rather than fail the first import.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "60000");
        props.putAll(producerOverrides);
        return props;
    }
}
