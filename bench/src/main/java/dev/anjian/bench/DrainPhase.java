package dev.anjian.bench;

import dev.anjian.bench.load.Fleet;
import dev.anjian.bench.load.IncidentPlan;
import dev.anjian.bench.measure.InfluxProbe;
import dev.anjian.bench.measure.KafkaProbe;
import dev.anjian.bench.measure.Sample;
import dev.anjian.bench.report.Figure;
import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.EventJson;
import dev.anjian.events.Quality;
import dev.anjian.events.SensorReading;
import dev.anjian.registry.RegistryImporter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The InfluxDB sink at full speed: the monitoring job runs alone. It first runs until a checkpoint holds the
 * whole registry and is stopped; N readings, exactly as ingest writes them, are put on device-events; then it
 * restarts from that checkpoint (as after an outage) and drains them into InfluxDB. The rate at which points
 * land between 10 % and 90 % of N is what the job with its sink writes when it never waits for input, to
 * compare with raw influxdb-java batch writes (the e2e phases only show the offered rate).
 */
final class DrainPhase {

    private static final String[] METRICS = {"CH4", "CO", "O2"};
    private static final double[] NORMAL = {0.3, 2, 20.8};
    private static final String[] UNITS = {"%", "ppm", "%"};

    private final HarnessOptions o;
    private final PhaseSetup p;
    private final Cleanup cleanup;
    private final Fleet fleet;
    private final InfluxProbe influx;

    DrainPhase(HarnessOptions o, PhaseSetup p, Cleanup cleanup) {
        this.o = o;
        this.p = p;
        this.cleanup = cleanup;
        IncidentPlan none = IncidentPlan.spread(o.sensors(), o.perEnterprise(), 0, 0, 0, 0, 1, 0, 0);
        this.fleet = new Fleet(o.sensors(), o.perEnterprise(), 0, 60, 86_400, none);
        this.influx = new InfluxProbe(p.stack().influxUrl());
    }

    PhaseResult run(Path repoRoot) throws Exception {
        try {
            KafkaTopics.create(p.stack().kafkaBootstrap(), p.topics());
            if (!o.keep()) {
                cleanup.add("dropping topics " + p.topics().prefix() + "*", () -> KafkaTopics.delete(p.stack().kafkaBootstrap(), p.topics()));
                cleanup.add("dropping database " + p.database(), () -> influx.drop(p.database()));
            }
            new RegistryImporter(p.stack().kafkaBootstrap(), p.topics()).importDevices(fleet.devices(), false);
            loadRegistryIntoCheckpoint(repoRoot);
            double produceRate = produce(o.drainEvents());
            ComponentProcess jobs = ComponentProcess.launch("jobs", ComponentConfigs.jobs(p, true), p.dir(), "2g", repoRoot);
            cleanup.add("stopping jobs", jobs::stop);
            long launched = System.nanoTime();
            jobs.awaitReady(Duration.ofMinutes(3));
            try (KafkaProbe kafka = new KafkaProbe(p.stack().kafkaBootstrap(), p.topics().deviceEvents())) {
                return measure(jobs, kafka, launched, produceRate);
            }
        } finally {
            cleanup.closeAll();
        }
    }

    /**
     * Runs the job once until a checkpoint holds every registration, then stops it (the checkpoint is kept): the
     * drain run resumes from it, as after a restart, and no reading can overtake its registration (it would be
     * dead-lettered).
     */
    private void loadRegistryIntoCheckpoint(Path repoRoot) throws Exception {
        ComponentProcess first = ComponentProcess.launch("jobs", "jobs-registry", ComponentConfigs.jobs(p), p.dir(), "2g",
                repoRoot);
        try {
            first.awaitReady(Duration.ofMinutes(3));
            JobReadiness.awaitRegistry(p.stack().kafkaBootstrap(), p.topics(), p.id(), Duration.ofMinutes(3), first);
        } finally {
            first.stop();
        }
    }

    /** Puts n readings on device-events as fast as Kafka takes them; returns events/s. */
    private double produce(int n) {
        Properties props = KafkaClients.producer(p.stack().kafkaBootstrap(), p.id() + "-filler");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        long start = System.nanoTime();
        long base = System.currentTimeMillis();
        int perRound = 3 * fleet.sensors();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            for (int j = 0; j < n; j++) {
                int sensor = (j / 3) % fleet.sensors();
                int m = j % 3;
                long ts = base + j / perRound; // unique per series, so InfluxDB keeps every point
                DeviceEvent event = DeviceEvent.reading(Fleet.sensorId(sensor), ts, ts,
                        new SensorReading(METRICS[m], NORMAL[m], UNITS[m], Quality.NORMAL)).withEnterprise(fleet.enterpriseOf(sensor));
                producer.send(new ProducerRecord<>(p.topics().deviceEvents(), event.deviceId(), EventJson.write(event)));
            }
            producer.flush();
        }
        double rate = n / ((System.nanoTime() - start) / 1e9);
        System.err.printf("[drain] %,d readings put on %s at %,.0f ev/s%n", n, p.topics().deviceEvents(), rate);
        return rate;
    }

    /** Samples until every point has landed (or --drain-timeout), from the job's launch on. */
    private PhaseResult measure(ComponentProcess jobs, KafkaProbe kafka, long launched, double produceRate) throws Exception {
        long n = o.drainEvents();
        long target = n + fleet.sensors(); // + one ONLINE status point per sensor
        PhaseMonitor monitor = new PhaseMonitor("drain", o.drainTimeout().toSeconds(), seconds -> {
            jobs.requireAlive();
            return new Sample(seconds, 0, 0, kafka.endOffsets(), influx.pointsWritten(p.database()), kafka.committed(p.id()),
                    0, 0, 0);
        }, launched, 0, 0, System.err);
        Map<String, Long> pids = new LinkedHashMap<>(Map.of("jobs", jobs.pid()));
        pids.putAll(p.stack().pids());
        monitor.openCpuWindow(pids);
        monitor.runWhile(() -> monitor.samples().isEmpty() || monitor.last().influxPoints() < target,
                o.drainTimeout().toSeconds());
        monitor.closeCpuWindow();
        List<Sample> samples = monitor.samples();
        return new PhaseResult("drain", figures(samples, n, produceRate), PhaseFigures.drainSeries(samples),
                monitor.usage(), problems(samples, target));
    }

    /** The sink's rate between 10 % and 90 % of the readings landed; seconds since the job's launch. */
    private List<Figure> figures(List<Sample> s, long n, double produceRate) {
        double from = timeAt(s, n / 10);
        double to = timeAt(s, n * 9 / 10);
        double rate = to > from ? (n * 0.8) / (to - from) : 0;
        List<Figure> f = new ArrayList<>();
        f.add(new Figure("drain.sink", rate, "pt/s", String.format(Locale.ROOT,
                "job + InfluxDB sink draining %s readings from Kafka (10%% -> 90%% landed, %.0f s to %.0f s after launch)",
                PhaseFigures.n(n), from, to)));
        f.add(new Figure("drain.produce", produceRate, "ev/s", "filling device-events beforehand, one producer"));
        f.add(new Figure("drain.landed", s.isEmpty() ? 0 : s.get(s.size() - 1).influxPoints(), "points",
                "of " + PhaseFigures.n(n) + " readings + " + fleet.sensors() + " ONLINE statuses"));
        return f;
    }

    /** Seconds at which the points first reached {@code points} (linear between samples); 0 if never. */
    static double timeAt(List<Sample> s, long points) {
        for (int i = 1; i < s.size(); i++) {
            Sample a = s.get(i - 1);
            Sample b = s.get(i);
            if (b.influxPoints() >= points && a.influxPoints() < points) {
                double f = (double) (points - a.influxPoints()) / (b.influxPoints() - a.influxPoints());
                return a.seconds() + f * (b.seconds() - a.seconds());
            }
        }
        return 0;
    }

    private static List<String> problems(List<Sample> s, long target) {
        long landed = s.isEmpty() ? 0 : s.get(s.size() - 1).influxPoints();
        return landed >= target ? List.of()
                : List.of("drain: only " + landed + " of " + target + " points landed within --drain-timeout");
    }
}
