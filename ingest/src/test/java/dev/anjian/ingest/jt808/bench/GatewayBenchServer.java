package dev.anjian.ingest.jt808.bench;

import dev.anjian.common.Config;
import dev.anjian.common.testing.TestTopics;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.Industry;
import dev.anjian.events.Topics;
import dev.anjian.events.VehicleInfo;
import dev.anjian.ingest.jt808.Jt808Server;
import dev.anjian.ingest.jt808.Jt808Settings;
import dev.anjian.ingest.jt808.KnownTerminals;
import dev.anjian.ingest.kafka.EventPublisher;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark harness (not a test): the gateway alone in its JVM, knowing {@code n} generated terminals
 * (phones 013900000000 + i, see {@link #fleet}), publishing to fresh topics on the given Kafka. Logs
 * connections, acknowledged reports per second and heap used after GC every 10 s.
 * {@code java -Xmx2g ... GatewayBenchServer <port> <n> <kafka-bootstrap> <seconds>}.
 */
public final class GatewayBenchServer {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayBenchServer.class);

    private GatewayBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        String bootstrap = args[2];
        long seconds = Long.parseLong(args[3]);
        Topics topics = TestTopics.create(bootstrap, 4);
        Jt808Settings settings = Jt808Settings.from(Config.of(Map.of("jt808.port", String.valueOf(port),
                "kafka.bootstrap", bootstrap, "topic.prefix", topics.prefix(), "jt808.auth-secret", "bench"), Map.of()));
        try (EventPublisher publisher = new EventPublisher(bootstrap, "bench-jt808", topics);
             Jt808Server server = new Jt808Server(settings, publisher, KnownTerminals.of(fleet(n))).start()) {
            long last = server.counters().locationsAcked();
            for (long t = 0; t < seconds; t += 10) {
                Thread.sleep(10_000); // a sampling period of the benchmark, not test synchronisation
                long acked = server.counters().locationsAcked();
                System.gc();
                long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
                LOG.info("t={}s connections={} sessions={} reports/s={} heapAfterGc={}MB {}", t + 10,
                        server.counters().openConnections(), server.sessions().size(), (acked - last) / 10, heapMb,
                        server.counters());
                last = acked;
            }
        }
    }

    /** The generated fleet shared with the load generator: device BENCH-i, phone 013900000000 + i. */
    public static List<Device> fleet(int n) {
        List<Device> devices = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String phone = String.format("0139%08d", i);
            devices.add(new Device("BENCH-" + i, DeviceKind.VEHICLE_TERMINAL, "E-BENCH", "bench", "410100",
                    Industry.ROAD_TRANSPORT, "", 300, List.of(),
                    new VehicleInfo("豫B" + String.format("%05d", i % 100_000), 2, VehicleInfo.VehicleClass.COACH, phone, 100)));
        }
        return devices;
    }
}
