package dev.anjian.ingest.mqttserver;

import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.EventJson;
import dev.anjian.events.Industry;
import dev.anjian.events.MetricSpec;
import dev.anjian.events.MqttCredential;
import dev.anjian.events.Direction;
import dev.anjian.ingest.mqtt.TelemetryMessage;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Registry devices of the endpoint's tests: {@code GAS} and {@code NH3} may connect (their passwords are
 * {@link #password}), {@code DUST} is registered without an MQTT credential.
 */
final class TestDevices {

    static final String ENTERPRISE = "E-HN-COAL-01";
    static final String GAS = "HN-PDS-CM01-CH4-T1";
    static final String NH3 = "HN-ZZ-RF01-NH3-MR";
    static final String DUST = "HN-XC-DU01-BF-01";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestDevices() {
    }

    static String password(String deviceId) {
        return "pw-" + deviceId + "-0123456789";
    }

    static String topic(String deviceId) {
        return TelemetryMessage.topic(ENTERPRISE, deviceId);
    }

    static Device withCredential(String deviceId) {
        return sensor(deviceId).withMqttCredential(MqttCredential.of(password(deviceId), RANDOM));
    }

    static Device sensor(String deviceId) {
        return new Device(deviceId, DeviceKind.GAS_SENSOR, ENTERPRISE, "平顶山示范煤矿", "410400", Industry.COAL_MINE,
                "", 60, List.of(new MetricSpec("CH4", "%", Direction.HIGH, List.of(1.0, 1.5), 1.0, 0, 1)), null);
    }

    static List<Device> registry() {
        return List.of(withCredential(GAS), withCredential(NH3), sensor(DUST));
    }

    /** Writes devices (or, for a null device, a tombstone of {@code id}) to the registry topic and waits for Kafka. */
    static void write(String bootstrap, String topic, List<Device> devices) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(bootstrap, "it-registry"))) {
            for (Device device : devices) {
                producer.send(new ProducerRecord<>(topic, device.deviceId(), EventJson.write(device))).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write the test registry", e.getCause());
        }
    }

    static void tombstone(String bootstrap, String topic, String deviceId) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(bootstrap, "it-registry"))) {
            producer.send(new ProducerRecord<>(topic, deviceId, null)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write the tombstone", e.getCause());
        }
    }
}
