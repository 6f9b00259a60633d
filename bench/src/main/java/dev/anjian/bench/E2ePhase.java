package dev.anjian.bench;

import dev.anjian.bench.load.Fleet;
import dev.anjian.bench.load.IncidentLog;
import dev.anjian.bench.load.IncidentPlan;
import dev.anjian.bench.load.LoadCounters;
import dev.anjian.bench.load.MqttTarget;
import dev.anjian.bench.load.SensorLoad;
import dev.anjian.bench.load.VehicleLoad;
import dev.anjian.bench.measure.EventWatcher;
import dev.anjian.bench.measure.IncidentMatcher;
import dev.anjian.bench.measure.IncidentReport;
import dev.anjian.bench.measure.InfluxProbe;
import dev.anjian.bench.measure.KafkaProbe;
import dev.anjian.bench.measure.Sample;
import dev.anjian.bench.measure.SmsPeer;
import dev.anjian.events.Device;
import dev.anjian.registry.RegistryImporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One end-to-end phase: sensors over the broker and the MQTT bridge ({@code broker}) or straight to ingest's
 * own MQTT endpoint ({@code native}), terminals to the JT/T 808 gateway, the monitoring job and alerting in
 * processes of their own, all on a fresh topic prefix and database. In order: topics and registry, the SMS
 * peer and the alarm watcher, the three services, the load for {@code --duration} (CPU measured from the
 * warm-up on), then a bounded wait for stragglers, the exact count of stored readings, the ground-truth match.
 */
final class E2ePhase {

    private static final Logger LOG = LoggerFactory.getLogger(E2ePhase.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final double QUIET_SECONDS = 12; // > the job's 10 s checkpoint interval, when its sink flushes

    private final HarnessOptions o;
    private final PhaseSetup p;
    private final boolean nativePath;
    private final Cleanup cleanup;
    private final Fleet fleet;
    private final IncidentLog log;
    private final LoadCounters counters = new LoadCounters();
    private final InfluxProbe influx;
    private final Map<String, ComponentProcess> processes = new LinkedHashMap<>();
    private long vehiclesStoppedAt = Long.MAX_VALUE;
    private long jobRunningAt;

    E2ePhase(HarnessOptions o, PhaseSetup p, Cleanup cleanup) {
        this.o = o;
        this.p = p;
        this.nativePath = p.phase().equals("native");
        this.cleanup = cleanup;
        IncidentPlan plan = IncidentPlan.spread(o.sensors(), o.perEnterprise(), o.breaches(), o.silences(),
                o.warmup().toMillis(), silencesFrom(o), o.duration().toMillis(), o.breachFor().toMillis(),
                o.offlineTimeout().toMillis());
        int quiet = (int) (o.duration().toSeconds() + o.drainTimeout().toSeconds() + 600);
        this.fleet = new Fleet(o.sensors(), o.perEnterprise(), o.terminals(), (int) o.offlineTimeout().toSeconds(), quiet,
                plan);
        this.log = new IncidentLog(o.sensors());
        this.influx = new InfluxProbe(p.stack().influxUrl());
    }

    /**
     * The first silence's deadline (stop + timeout) comes at least 35 s after the load starts, so after the
     * job's offline.restore-grace (30 s from its first element, which the load start follows): inside the grace
     * a deadline is postponed to its end, which would measure the grace, not the detection.
     */
    static long silencesFrom(HarnessOptions o) {
        return Math.max(o.warmup().toMillis(), 35_000 - o.offlineTimeout().toMillis());
    }

    PhaseResult run(Path repoRoot) throws Exception {
        try {
            prepare();
            try (SmsPeer sms = new SmsPeer();
                    EventWatcher watcher = new EventWatcher(p.stack().kafkaBootstrap(), p.topics());
                    KafkaProbe kafka = new KafkaProbe(p.stack().kafkaBootstrap(), p.topics().deviceEvents())) {
                Map<String, Long> pids = startServices(repoRoot, sms.url());
                return drive(pids, sms, watcher, kafka);
            }
        } finally {
            cleanup.closeAll();
        }
    }

    private void prepare() throws Exception {
        KafkaTopics.create(p.stack().kafkaBootstrap(), p.topics());
        if (!o.keep()) {
            cleanup.add("dropping topics " + p.topics().prefix() + "*", () -> KafkaTopics.delete(p.stack().kafkaBootstrap(), p.topics()));
            cleanup.add("dropping database " + p.database(), () -> influx.drop(p.database()));
        }
        new RegistryImporter(p.stack().kafkaBootstrap(), p.topics()).importDevices(fleet.devices(), false);
        Files.writeString(p.dir().resolve("routing.yaml"), fleet.routingYaml(), StandardCharsets.UTF_8);
        LOG.info("{}: {} devices registered on {}, database {}", p.phase(), fleet.sensors() + fleet.vehicles(),
                p.topics().prefix(), p.database());
    }

    /** Starts alerting, ingest and the job together, waits for all three; returns every pid to sample. */
    private Map<String, Long> startServices(Path repoRoot, String smsUrl) throws Exception {
        Map<String, Path> configs = new LinkedHashMap<>();
        configs.put("alerting", ComponentConfigs.alerting(p, p.dir().resolve("routing.yaml"), smsUrl));
        configs.put("ingest", ComponentConfigs.ingest(p, nativePath));
        configs.put("jobs", ComponentConfigs.jobs(p));
        Map<String, String> heaps = Map.of("alerting", "512m", "ingest", "1g", "jobs", "2g");
        Map<String, Long> pids = new LinkedHashMap<>();
        for (var c : configs.entrySet()) {
            ComponentProcess process = ComponentProcess.launch(c.getKey(), c.getValue(), p.dir(), heaps.get(c.getKey()), repoRoot);
            cleanup.add("stopping " + c.getKey(), process::stop);
            pids.put(c.getKey(), process.pid());
            processes.put(c.getKey(), process);
        }
        for (ComponentProcess process : processes.values()) {
            process.awaitReady(START_TIMEOUT);
        }
        jobRunningAt = System.nanoTime();
        System.err.printf("[%s] services running: %s%n", p.phase(), pids);
        pids.putAll(p.stack().pids());
        pids.put("harness", ProcessHandle.current().pid());
        return pids;
    }

    private PhaseResult drive(Map<String, Long> pids, SmsPeer sms, EventWatcher watcher, KafkaProbe kafka) throws Exception {
        try (SensorLoad load = new SensorLoad(fleet, log, counters, target(), p.id());
                VehicleLoad vehicles = new VehicleLoad(fleet, "127.0.0.1", p.jt808Port(), o.terminalInterval())) {
            JobReadiness.awaitRegistry(p.stack().kafkaBootstrap(), p.topics(), p.id(), START_TIMEOUT, processes.get("jobs"));
            // After the registry: a device connecting to the native endpoint is reported CONNECTED at once.
            load.connect(Duration.ofSeconds(60));
            vehicles.start(); // connects in the background: its first events must not overtake the registry either
            long startNanos = System.nanoTime();
            load.start(o.rate(), o.duration());
            reportGap(startNanos);
            PhaseMonitor monitor = new PhaseMonitor(p.phase(), o.duration().toSeconds(),
                    seconds -> sample(seconds, kafka, watcher, vehicles), startNanos,
                    o.breaches() * 2L + o.silences(), o.silences(), System.err);
            monitor.runUntil(o.warmup().toSeconds() / 2.0);
            shortenSilencedTimeouts();
            monitor.runUntil(o.warmup().toSeconds());
            counters.ackLatency().clear(); // PUBACK latency of the measured window only
            monitor.openCpuWindow(pids);
            monitor.runUntil(o.duration().toSeconds());
            monitor.closeCpuWindow();
            load.stop(Duration.ofSeconds(10));
            vehicles.stop(); // their DISCONNECTED events make them OFFLINE a grace later: not part of the truth
            vehiclesStoppedAt = System.currentTimeMillis();
            settle(monitor, watcher, sms);
            return result(monitor, watcher, sms);
        }
    }

    private void reportGap(long loadStart) {
        System.err.printf("[%s] registry loaded by the job; load starts %.0f s after the job%n", p.phase(),
                (loadStart - jobRunningAt) / 1e9);
    }

    /**
     * Half-way through the warm-up every sensor has reported (a full cycle takes sensors/rate s): the silenced
     * ones now get their short timeout, counted from their last message (the job re-arms on a registry update).
     */
    private void shortenSilencedTimeouts() throws Exception {
        List<Device> updates = fleet.shortTimeouts();
        if (!updates.isEmpty()) {
            new RegistryImporter(p.stack().kafkaBootstrap(), p.topics()).importDevices(updates, false);
            LOG.info("{}: offline timeout of {} silenced sensors set to {} s", p.phase(), updates.size(),
                    o.offlineTimeout().toSeconds());
        }
    }

    private MqttTarget target() {
        if (nativePath) {
            return MqttTarget.perDevice("127.0.0.1", p.nativePort(), o.deviceInFlight(), Fleet::sensorId, fleet::mqttPassword);
        }
        return MqttTarget.pooled(p.stack().mqttHost(), p.stack().mqttPort(), o.connections(), o.maxInFlight());
    }

    private Sample sample(double seconds, KafkaProbe kafka, EventWatcher watcher, VehicleLoad vehicles) throws Exception {
        processes.values().forEach(ComponentProcess::requireAlive);
        return new Sample(seconds, counters.published(), counters.acked(), kafka.endOffsets(), influx.pointsWritten(p.database()),
                kafka.committed(p.id()), vehicles.stats().reportsAcked(), watcher.alarmCount(), watcher.offlineCount());
    }

    /** Waits until points, alarms and SMS have stopped arriving for a while, at most --drain-timeout. */
    private void settle(PhaseMonitor monitor, EventWatcher watcher, SmsPeer sms) throws Exception {
        double end = o.duration().toSeconds() + o.drainTimeout().toSeconds();
        long[] last = {-1, -1, -1};
        double[] quietSince = {monitor.elapsed()};
        monitor.runWhile(() -> {
            long[] now = {monitor.last().influxPoints(), watcher.alarmCount(), sms.receipts().size()};
            if (!Arrays.equals(now, last)) {
                System.arraycopy(now, 0, last, 0, 3);
                quietSince[0] = monitor.elapsed();
            }
            return monitor.elapsed() - quietSince[0] < QUIET_SECONDS;
        }, end);
    }

    private PhaseResult result(PhaseMonitor monitor, EventWatcher watcher, SmsPeer sms) throws Exception {
        long stored = influx.count(p.database(), "reading");
        long deadLetters;
        try (KafkaProbe letters = new KafkaProbe(p.stack().kafkaBootstrap(), p.topics().deadLetter())) {
            deadLetters = letters.endOffsets();
        }
        IncidentReport incidents = IncidentMatcher.match(fleet.plan(), log, o.offlineTimeout().toMillis(),
                vehiclesStoppedAt, watcher.alarms(), watcher.statuses(), sms.receipts());
        Files.write(p.dir().resolve("problems.txt"), incidents.problems(), StandardCharsets.UTF_8);
        List<Sample> samples = monitor.samples();
        List<String> problems = new ArrayList<>();
        if (deadLetters > 0) {
            problems.add(deadLetters + " records on " + p.topics().deadLetter() + " (see the topic for the reasons)");
        }
        if (!nativePath && p.stack().brokerDropped(p.id())) {
            problems.add("Mosquitto dropped messages queued for the bridge (client " + p.id() + "): its queue per client"
                    + " is bounded; see " + p.stack().dir().resolve("mosquitto/mosquitto.log"));
        }
        problems.addAll(incidents.problems());
        return new PhaseResult(p.phase(), PhaseFigures.of(p.phase(), o, samples, counters, incidents, stored, deadLetters),
                PhaseFigures.series(p.phase(), samples), monitor.usage(),
                problems.stream().map(s -> p.phase() + ": " + s).toList());
    }
}
