package dev.anjian.app;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point: {@code anjian <command> [options]}. Each service command loads its own config file
 * ({@code config/<command>.properties} under the installation, or {@code --config FILE}; every key can be
 * overridden by an environment variable ANJIAN_...) and runs until Ctrl-C.
 */
public final class AnjianMain {

    private static final Logger LOG = LoggerFactory.getLogger(AnjianMain.class);

    static final String HELP = """
            anjian - live safety monitoring for dangerous workplaces and vehicles

            Usage: anjian <command> [options]

            Services (each runs until Ctrl-C; --config FILE overrides config/<service>.properties):
              ingest                 gateways -> Kafka device-events: MQTT bridge (sensors via the broker),
                                     JT/T 808 server (vehicle terminals, port 7808) and, when
                                     mqtt-endpoint.enabled, the native MQTT endpoint (port 1884)
              jobs                   Flink monitoring job (local MiniCluster): thresholds -> alarms, InfluxDB
              onlinerate             Flink online-rate job: device-status -> online and reporting rates per scope
              alerting               alarms -> SMS (SMPP, HTTP or log file), notifications ledger, alarm API
              simulate               simulated devices: sensor telemetry with incidents over MQTT, and the
                                     example fleet's JT/T 808 terminals (overspeed, a blind-area re-send)
              demo                   all of the above in one process, printing alarms and SMS as they happen
              watch                  print alarms and SMS notifications as they happen

            Device registry:
              registry validate FILE           check a registry file; errors name line and field
              registry import FILE [--prune]   validate, then write every device to the registry topic in one
                                               transaction (--prune: tombstone devices missing from FILE)
              registry hash-password           read a device's MQTT password (asked for, or the first line
                                               of stdin) and print its mqttCredential for the registry file

            Storage and audit (InfluxDB from config/jobs.properties):
              storage setup                    database, retention policies, downsampling (idempotent)
              report FROM TO SCOPE_TYPE SCOPE [--out DIR]
                                               online rates, offline episodes and alarm handling as CSV
                                               and HTML, e.g. report 2026-11-29 2026-11-29
                                               REGION_VEHICLE_CLASS 410100/DANGEROUS_GOODS (default var/reports)

            Options:
              --config FILE          config file of the service (default: config/<service>.properties)
              -h, --help             this help

            Every config key can be overridden by an environment variable: kafka.bootstrap -> ANJIAN_KAFKA_BOOTSTRAP.
            Config keys are documented in config/*.properties. Logs: var/logs/anjian.log.
            """;

    private AnjianMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        if (rest.isEmpty() || rest.contains("-h") || rest.contains("--help") || rest.get(0).equals("help")) {
            out.print(HELP);
            return rest.isEmpty() ? 2 : 0;
        }
        String command = rest.remove(0);
        try {
            return switch (command) {
                case "ingest", "jobs", "onlinerate", "alerting", "simulate", "demo", "watch" -> runService(command, rest);
                case "registry" -> RegistryCli.run(rest, Services.home(), out, err);
                case "storage" -> StorageCli.storage(rest, out, err);
                case "report" -> StorageCli.report(rest, out, err);
                default -> {
                    err.println("anjian: unknown command '" + command + "'. Try: anjian --help");
                    yield 2;
                }
            };
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("anjian " + command + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // A service that cannot start (broker down, port taken): one clear line, the details in the log.
            LOG.error("anjian {} failed", command, e);
            err.println("anjian " + command + ": " + e.getMessage() + " (details: var/logs/anjian.log)");
            return 1;
        }
    }

    private static int runService(String command, List<String> args) {
        Path configFile = Options.value(args, "--config");
        Options.rejectUnknown(args);
        List<AutoCloseable> running = new CopyOnWriteArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before starting: Ctrl-C during a slow start stops what has started so far.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping {}", command);
            Services.closeAll(running);
            LOG.info("anjian {} stopped", command);
            LogManager.shutdown();
            stopped.countDown();
        }, "shutdown"));
        Services.start(command, configFile, running);
        LOG.info("anjian {} running; Ctrl-C to stop", command);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Loads a service's config: the given file, or config/{name}.properties under the installation. */
    static Config config(String name, Path explicit) {
        Path file = explicit != null ? explicit : Services.home().resolve("config").resolve(name + ".properties");
        return Config.load(file);
    }
}
