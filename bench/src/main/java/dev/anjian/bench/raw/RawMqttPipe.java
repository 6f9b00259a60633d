package dev.anjian.bench.raw;

import dev.anjian.bench.report.Figure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raw MQTT pipe: Paho v5 publisher(s) -> the broker -> ONE Paho v5 subscriber set up like the product's bridge
 * (shared subscription, manual acks, Receive Maximum 1000) that only counts and acknowledges. The figure is
 * messages per second received in the steady window; publishers run free so that they are not the limit,
 * measured with 1 and with 2 publishers (the better is the figure, so {@link #run} takes 2 x duration).
 * Topics are under a fresh {@code bench/raw-<id>/telemetry/...}, so a bridge on the same broker never sees them.
 */
public final class RawMqttPipe {

    private static final Logger LOG = LoggerFactory.getLogger(RawMqttPipe.class);
    private static final int DEVICES = 1_000;
    private static final long MAX_MESSAGES_PER_SECOND = 200_000; // bounds a publisher's count

    private RawMqttPipe() {
    }

    /** Received msg/s of the better of 1 and 2 publishers; the note has both, and what limited it. */
    public static Figure run(String brokerUrl, int qos, Duration duration, int payloadBytes) {
        Trial one = trial(brokerUrl, qos, duration, payloadBytes, 1);
        Trial two = trial(brokerUrl, qos, duration, payloadBytes, 2);
        Trial best = two.receivedPerSecond() > one.receivedPerSecond() ? two : one;
        String note = String.format(Locale.ROOT, "1 publisher %,.0f, 2 publishers %,.0f msg/s; best: %s",
                one.receivedPerSecond(), two.receivedPerSecond(), best.describe());
        return new Figure("raw.mqtt.qos" + qos, best.receivedPerSecond(), "msg/s", note);
    }

    /** One run with {@code publishers} publishers. */
    static Trial trial(String brokerUrl, int qos, Duration duration, int payloadBytes, int publishers) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String root = "bench/raw-" + id + "/telemetry";
        byte[] payload = TelemetryPayload.of(System.currentTimeMillis(), payloadBytes);
        LOG.info("raw MQTT pipe: {} publisher(s) -> {} -> 1 subscriber, QoS {}, {}-byte payload, {}",
                publishers, brokerUrl, qos, payload.length, duration);
        List<MqttLoadPublisher> started = new ArrayList<>();
        try (MqttCountingSubscriber subscriber = new MqttCountingSubscriber(brokerUrl, "bench-sub-" + id,
                "$share/bench-raw/" + root + "/+/+", qos)) {
            String[] topics = topics(root);
            long max = Math.max(1, duration.toSeconds()) * MAX_MESSAGES_PER_SECOND;
            for (int i = 0; i < publishers; i++) {
                started.add(new MqttLoadPublisher(brokerUrl, "bench-pub-" + id + "-" + i, topics, payload, qos, max));
            }
            LongSupplier sent = () -> started.stream().mapToLong(MqttLoadPublisher::confirmed).sum();
            SteadyWindow.Counter published = new SteadyWindow.Counter(sent);
            Backlog backlog = new Backlog(sent, subscriber::received);
            CpuShares cpu = new CpuShares(Map.of("subscriber", "bench-sub-" + id, "publishers", "bench-pub-" + id),
                    CpuShares.thisJvmAnd("mosquitto"));
            started.forEach(MqttLoadPublisher::start);
            SteadyWindow.Rate received = SteadyWindow.of(duration)
                    .measure(subscriber::received, SteadyWindow.Probe.all(published, backlog, cpu));
            stopAll(started);
            Trial trial = new Trial(publishers, qos, payload.length, received,
                    published.delta() / received.seconds(), backlog, cpu);
            LOG.info("raw MQTT pipe: {}", trial.describe());
            return trial;
        } catch (MqttException e) {
            throw new IllegalStateException("raw MQTT pipe on " + brokerUrl + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("raw MQTT pipe interrupted", e);
        } finally {
            started.forEach(MqttLoadPublisher::close);
        }
    }

    private static String[] topics(String root) {
        String[] topics = new String[DEVICES];
        for (int i = 0; i < DEVICES; i++) {
            topics[i] = root + "/E" + (i % 10) + "/GAS-" + i;
        }
        return topics;
    }

    private static void stopAll(List<MqttLoadPublisher> publishers) throws InterruptedException {
        for (MqttLoadPublisher p : publishers) {
            p.stop();
        }
    }

    /** What one run measured: received and published msg/s over the same steady window, and who used the CPU. */
    record Trial(int publishers, int qos, int payloadBytes, SteadyWindow.Rate received,
                 double publishedPerSecond, Backlog backlog, CpuShares cpu) {

        double receivedPerSecond() {
            return received.perSecond();
        }

        String describe() {
            return String.format(Locale.ROOT, "%d publisher(s), QoS %d, %d B: received %,.0f msg/s, published %,.0f"
                            + " msg/s; %s; %s", publishers, qos, payloadBytes, receivedPerSecond(),
                    publishedPerSecond, cpu.describe(), limit());
        }

        /**
         * Which side limited the pipe: if messages waited at the broker for the subscriber during the whole
         * window, the broker->subscriber leg (the broker or the Paho subscriber, whichever is busier) was the
         * limit; if the subscriber kept up, the publishers were.
         */
        String limit() {
            Map<String, Double> cores = cpu.cores();
            double mosquitto = cores.entrySet().stream().filter(e -> e.getKey().startsWith("mosquitto"))
                    .mapToDouble(Map.Entry::getValue).max().orElse(0);
            String side = !backlog.subscriberNeverIdle() ? "limit: the publishers (the subscriber kept up"
                    : qos == 0 ? "limit: the broker->subscriber leg (published but not received, queued or dropped"
                    + " by the broker, all window"
                    : "limit: the broker->subscriber leg (a backlog waited at the broker all window";
            return String.format(Locale.ROOT, "%s: %,d then %,d msgs); mosquitto %.2f cores (1.0 = its one thread"
                            + " saturated), Paho clients in the bench JVM %.2f cores of %d", side, backlog.atStart(),
                    backlog.atEnd(), mosquitto, cores.getOrDefault("bench JVM", 0.0),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /** Messages confirmed to publishers but not yet received by the subscriber: queued at the broker. */
    static final class Backlog implements SteadyWindow.Probe {
        private final LongSupplier published;
        private final LongSupplier received;
        private long atStart;
        private long atEnd;

        Backlog(LongSupplier published, LongSupplier received) {
            this.published = published;
            this.received = received;
        }

        @Override
        public void start() {
            atStart = published.getAsLong() - received.getAsLong();
        }

        @Override
        public void end() {
            atEnd = published.getAsLong() - received.getAsLong();
        }

        long atStart() {
            return atStart;
        }

        long atEnd() {
            return atEnd;
        }

        /** More than one receive window queued at both ends: the subscriber always had work. */
        boolean subscriberNeverIdle() {
            return atStart > MqttCountingSubscriber.RECEIVE_MAXIMUM && atEnd > MqttCountingSubscriber.RECEIVE_MAXIMUM;
        }
    }
}
