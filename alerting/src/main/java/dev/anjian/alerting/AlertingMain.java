package dev.anjian.alerting;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the alerting service as its own process until SIGTERM/Ctrl-C:
 * {@code java ... dev.anjian.alerting.AlertingMain [config/alerting.properties]}.
 */
public final class AlertingMain {

    private static final Logger LOG = LoggerFactory.getLogger(AlertingMain.class);

    private AlertingMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path configFile = Path.of(args.length > 0 ? args[0] : "config/alerting.properties");
        AlertingService service;
        try {
            service = new AlertingService(AlertingSettings.from(Config.load(configFile)));
            service.start();
        } catch (ConfigException e) {
            LOG.error("alerting not started: {}", e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "alerting-shutdown"));
        stopped.await();
    }
}
