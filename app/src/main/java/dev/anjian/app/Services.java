package dev.anjian.app;

import dev.anjian.alerting.AlertingService;
import dev.anjian.alerting.AlertingSettings;
import dev.anjian.common.Config;
import dev.anjian.events.Topics;
import dev.anjian.ingest.IngestGateways;
import dev.anjian.jobs.JobsSettings;
import dev.anjian.jobs.MonitoringJob;
import dev.anjian.jobs.onlinerate.OnlineRateJob;
import dev.anjian.jobs.onlinerate.OnlineRateSettings;
import dev.anjian.simulator.Simulator;
import dev.anjian.simulator.SimulatorSettings;
import dev.anjian.simulator.vehicle.FleetSettings;
import dev.anjian.simulator.vehicle.FleetSimulator;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts anjian's services in this JVM, in data-path order (alerting and the job before the bridge, the
 * simulator last, so nothing a device sends finds its consumer missing), and stops them in reverse.
 */
final class Services {

    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    private Services() {
    }

    /** The installation folder (bin/anjian passes it); relative default paths resolve against it. */
    static Path home() {
        return Path.of(System.getProperty("anjian.home", "."));
    }

    /** Starts the command's services, adding each to {@code running} as soon as it runs (for Ctrl-C). */
    static void start(String command, Path configFile, List<AutoCloseable> running) {
        try {
            switch (command) {
                case "ingest" -> running.add(ingest(AnjianMain.config("ingest", configFile)));
                case "jobs" -> running.add(jobs(AnjianMain.config("jobs", configFile)));
                case "onlinerate" -> running.add(onlineRates(AnjianMain.config("onlinerate", configFile)));
                case "alerting" -> running.add(alerting(AnjianMain.config("alerting", configFile)));
                case "simulate" -> {
                    Config simulator = AnjianMain.config("simulator", configFile);
                    running.add(simulator(simulator));
                    running.add(fleet(simulator));
                }
                case "watch" -> running.add(console(AnjianMain.config("alerting", configFile)));
                case "demo" -> {
                    running.add(console(AnjianMain.config("alerting", null)));
                    running.add(alerting(AnjianMain.config("alerting", null)));
                    running.add(jobs(AnjianMain.config("jobs", null)));
                    running.add(onlineRates(AnjianMain.config("onlinerate", null)));
                    running.add(ingest(AnjianMain.config("ingest", null)));
                    Config simulator = AnjianMain.config("simulator", null);
                    running.add(simulator(simulator));
                    running.add(fleet(simulator));
                }
                default -> throw new IllegalArgumentException("not a service: " + command);
            }
        } catch (RuntimeException e) {
            closeAll(running);
            running.clear();
            throw e;
        }
    }

    static void closeAll(List<AutoCloseable> running) {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                LOG.warn("error while stopping {}: {}", running.get(i).getClass().getSimpleName(), e.toString());
            }
        }
    }

    private static AutoCloseable ingest(Config config) {
        return IngestGateways.start(config);
    }

    private static AutoCloseable jobs(Config config) {
        MonitoringJob job = new MonitoringJob(JobsSettings.from(config));
        try {
            job.start();
        } catch (Exception e) {
            throw new IllegalStateException("the monitoring job did not start: " + e.getMessage(), e);
        }
        return job;
    }

    private static AutoCloseable onlineRates(Config config) {
        OnlineRateJob job = new OnlineRateJob(OnlineRateSettings.from(config));
        try {
            job.start();
        } catch (Exception e) {
            throw new IllegalStateException("the online-rate job did not start: " + e.getMessage(), e);
        }
        return job;
    }

    private static AutoCloseable alerting(Config config) {
        AlertingService service = new AlertingService(AlertingSettings.from(config));
        service.start();
        return service;
    }

    private static AutoCloseable simulator(Config config) {
        Simulator simulator = new Simulator(SimulatorSettings.from(config));
        simulator.start();
        return simulator;
    }

    private static AutoCloseable fleet(Config config) {
        FleetSimulator fleet = new FleetSimulator(FleetSettings.from(config));
        fleet.start();
        return fleet;
    }

    private static AutoCloseable console(Config config) {
        Topics topics = new Topics(config.string("topic.prefix", Topics.DEFAULT_PREFIX));
        return new AlarmConsole(config.string("kafka.bootstrap", "127.0.0.1:9092"), topics, System.out).start();
    }
}
