package dev.anjian.ingest;

import dev.anjian.common.Config;
import dev.anjian.ingest.jt808.Jt808Gateway;
import dev.anjian.ingest.jt808.Jt808Settings;
import dev.anjian.ingest.kafka.EventPublisher;
import dev.anjian.ingest.mqtt.MqttBridge;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the ingest gateway standalone until the process is stopped:
 * {@code java dev.anjian.ingest.IngestMain [config/ingest.properties]}. Without a file, the defaults and
 * ANJIAN_* environment variables apply. The {@code anjian ingest} command starts the same gateways in-process. The JT/T 808
 * gateway runs unless jt808.enabled=false.
 */
public final class IngestMain {

    private static final Logger LOG = LoggerFactory.getLogger(IngestMain.class);

    private IngestMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Config config = args.length > 0 ? Config.load(Path.of(args[0])) : Config.of(Map.of(), System.getenv());
        IngestSettings settings = IngestSettings.from(config);
        Jt808Settings jt808 = Jt808Settings.from(config);
        LOG.info("ingest starting with {}", settings);
        // One producer for both gateways; closed last, after both stopped sending.
        EventPublisher publisher = new EventPublisher(settings.kafkaBootstrap(), settings.kafkaClientId(), settings.topics());
        MqttBridge bridge = new MqttBridge(settings, publisher);
        Jt808Gateway gateway = new Jt808Gateway(jt808, publisher);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            bridge.close();
            publisher.close();
            stopped.countDown();
        }, "ingest-shutdown"));
        bridge.start();
        gateway.start();
        stopped.await();
    }
}
