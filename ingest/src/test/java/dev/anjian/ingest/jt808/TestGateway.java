package dev.anjian.ingest.jt808;

import dev.anjian.events.DeadLetter;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.EventJson;
import dev.anjian.events.Industry;
import dev.anjian.events.Topics;
import dev.anjian.events.VehicleInfo;
import dev.anjian.ingest.kafka.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Unit-test wiring of the gateway around Kafka's MockProducer, whose acknowledgements the test controls
 * ({@code autoComplete=false}) to prove that 0x8001 waits for Kafka. The Kafka ITs use the real broker.
 */
final class TestGateway {

    static final String PHONE = "013800000001";
    static final String DEVICE = "HN-ZZ-FL01-V01";
    static final String PLATE = "豫A·12345";
    static final Topics TOPICS = new Topics("t.");

    final MockProducer<String, byte[]> producer;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-15T00:31:00Z").toEpochMilli());
    final Jt808Settings settings;
    final GatewayContext context;
    final PublishLane lane;

    TestGateway(boolean autoComplete, Map<String, String> overrides) {
        producer = new MockProducer<>(autoComplete, null, new StringSerializer(), new ByteArraySerializer());
        settings = settings(overrides);
        lane = new PublishLane(new EventPublisher(producer, TOPICS));
        Jt808Counters counters = new Jt808Counters();
        context = new GatewayContext(settings, lane, new Admission(terminals(), new AuthCodes(settings.authSecret())),
                new Sessions(), counters, new Rejections(lane, counters, clock), clock);
    }

    static Jt808Settings settings(Map<String, String> overrides) {
        java.util.Map<String, String> values = new java.util.HashMap<>(Map.of("jt808.port", "0",
                "jt808.auth-secret", "test-secret", "jt808.gateway-id", "gw-test"));
        values.putAll(overrides);
        return Jt808Settings.from(dev.anjian.common.Config.of(values, Map.of()));
    }

    static KnownTerminals terminals() {
        return KnownTerminals.of(List.of(vehicle(DEVICE, PHONE, PLATE), vehicle("HN-ZZ-FL01-V02", "013800000002", "豫A·12346")));
    }

    static Device vehicle(String id, String phone, String plate) {
        return new Device(id, DeviceKind.VEHICLE_TERMINAL, "E-HN-FLEET-01", "fleet", "410100", Industry.ROAD_TRANSPORT,
                "coach", 300, List.of(), new VehicleInfo(plate, 2, VehicleInfo.VehicleClass.COACH, phone, 100));
    }

    String authCode(String phone) {
        return new AuthCodes(settings.authSecret()).issue(dev.anjian.ingest.jt808.codec.Header.terminalKey(phone));
    }

    List<DeviceEvent> events() {
        return records(TOPICS.deviceEvents()).stream().map(r -> EventJson.read(r.value(), DeviceEvent.class)).toList();
    }

    List<DeadLetter> deadLetters() {
        return records(TOPICS.deadLetter()).stream().map(r -> EventJson.read(r.value(), DeadLetter.class)).toList();
    }

    private List<ProducerRecord<String, byte[]>> records(String topic) {
        return producer.history().stream().filter(r -> r.topic().equals(topic)).toList();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private final AtomicLong millis;

        MutableClock(long millis) {
            this.millis = new AtomicLong(millis);
        }

        void advance(Duration d) {
            millis.addAndGet(d.toMillis());
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
