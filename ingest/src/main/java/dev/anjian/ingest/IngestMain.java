package dev.anjian.ingest;

import dev.anjian.common.Config;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the ingest gateway standalone until the process is stopped:
 * {@code java dev.anjian.ingest.IngestMain [config/ingest.properties]}. Without a file, the defaults and
 * ANJIAN_* environment variables apply. The {@code anjian ingest} command starts the same gateways in-process. The JT/T 808
 * gateway runs unless jt808.enabled=false.
 */
public final class IngestMain {

    private IngestMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Config config = args.length > 0 ? Config.load(Path.of(args[0])) : Config.of(Map.of(), System.getenv());
        IngestGateways gateways = IngestGateways.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateways.close();
            stopped.countDown();
        }, "ingest-shutdown"));
        stopped.await();
    }
}
