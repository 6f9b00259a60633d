package dev.anjian.simulator;

import dev.anjian.events.Device;
import dev.anjian.events.DeviceKind;
import dev.anjian.registry.RegistryError;
import dev.anjian.registry.RegistryFile;
import dev.anjian.registry.RegistryParse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every registered sensor's telemetry over MQTT every {@code interval}, as the
 * {@link TelemetryModel} says at the current scenario time (wall time since start x time scale), and logs
 * each incident phase as it begins. Vehicle terminals are not simulated here (they speak JT/T 808).
 *
 * <pre>
 * try (Simulator simulator = new Simulator(settings)) {
 *     simulator.start();               // connects, returns once publishing is scheduled
 *     simulator.awaitFinished(...);    // when simulator.duration is set
 * }
 * </pre>
 */
public final class Simulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Simulator.class);

    private final SimulatorSettings settings;
    private final Clock clock;
    private final List<Device> sensors;
    private final Scenario scenario;
    private final TelemetryModel model;
    private final IncidentLog incidentLog;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> ticking;
    private TelemetryPublisher publisher;
    private long startMillis;

    /** Reads and validates the registry file; throws {@link IllegalArgumentException} listing its errors. */
    public Simulator(SimulatorSettings settings) {
        this(settings, Clock.systemUTC());
    }

    Simulator(SimulatorSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        RegistryParse registry = RegistryFile.parse(settings.registryFile());
        if (!registry.isValid()) {
            throw new IllegalArgumentException("registry file " + settings.registryFile() + " is invalid:\n  "
                    + registry.errors().stream().map(RegistryError::toString).collect(Collectors.joining("\n  ")));
        }
        this.sensors = registry.devices().stream().filter(d -> d.kind() != DeviceKind.VEHICLE_TERMINAL).toList();
        this.scenario = Scenario.forDevices(sensors);
        this.model = new TelemetryModel(scenario, settings.seed());
        this.incidentLog = new IncidentLog(scenario.incidents());
    }

    /** Connects to the broker (throws {@link IllegalStateException} if it cannot) and starts publishing. */
    public synchronized void start() {
        if (executor != null) {
            throw new IllegalStateException("simulator already started");
        }
        publisher = TelemetryPublisher.connect(settings.mqttUrl(), settings.clientId());
        logPlan();
        startMillis = clock.millis();
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "anjian-simulator"));
        ticking = executor.scheduleAtFixedRate(this::tick, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
        settings.duration().ifPresent(d -> executor.schedule(this::finish, d.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Waits until {@code simulator.duration} has passed (or {@link #close()}); false on timeout. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Messages the broker acknowledged so far. */
    public long publishedCount() {
        return published.get();
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    log.warn("simulator thread did not stop within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (publisher != null) {
            publisher.close();
            publisher = null;
        }
        if (finished.getCount() > 0) {
            log.info("simulator closed: {} messages published, {} failed", published.get(), failed.get());
            finished.countDown();
        }
    }

    private void tick() {
        try {
            long now = clock.millis();
            Duration elapsed = Duration.ofMillis(Math.round((now - startMillis) * settings.timeScale()));
            incidentLog.changesAt(elapsed).forEach(change -> log.info("incident {}", change));
            for (Device sensor : sensors) {
                model.message(sensor, elapsed, now).ifPresent(message -> {
                    if (publisher.publish(message)) {
                        published.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                });
            }
        } catch (RuntimeException e) {
            // An exception would silently cancel the periodic task; log it and publish again next tick.
            log.error("simulator tick failed, continuing with the next one", e);
        }
    }

    private void finish() {
        ticking.cancel(false);
        log.info("simulator finished after {}: {} messages published, {} failed",
                settings.duration().orElseThrow(), published.get(), failed.get());
        finished.countDown();
    }

    private void logPlan() {
        log.info("simulator publishing {} sensors of {} to {} every {} ms, time scale {}, seed {}{}", sensors.size(),
                settings.registryFile(), settings.mqttUrl(), settings.interval().toMillis(), settings.timeScale(),
                settings.seed(), settings.duration().map(d -> ", stopping after " + d).orElse(""));
        if (scenario.incidents().isEmpty()) {
            log.info("scenario: no incidents fit this registry; normal values only");
        }
        scenario.plan().forEach(line -> log.info("scenario (scenario time): {}", line));
    }
}
