package dev.anjian.alerting;

import dev.anjian.alerting.ledger.LedgerIndex;
import dev.anjian.alerting.ledger.LedgerReader;
import dev.anjian.alerting.ledger.LedgerSink;
import dev.anjian.alerting.ledger.LedgerWriter;
import dev.anjian.alerting.pipeline.AlertingCounters;
import dev.anjian.alerting.pipeline.Deduplicator;
import dev.anjian.alerting.pipeline.NotificationPipeline;
import dev.anjian.alerting.pipeline.Router;
import dev.anjian.alerting.pipeline.Sender;
import dev.anjian.alerting.pipeline.StatePolicy;
import dev.anjian.alerting.routing.Contact;
import dev.anjian.alerting.routing.RoutingFile;
import dev.anjian.alerting.routing.RoutingTable;
import dev.anjian.alerting.sms.SmsProvider;
import dev.anjian.alerting.sms.SmsProviders;
import dev.anjian.alerting.sms.SmsText;
import dev.anjian.common.kafka.KafkaClients;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerting deployable, startable in-process: {@code new AlertingService(settings).start()} loads
 * and validates the routing file, restores the notifications ledger, then polls the alarms topic on its
 * own thread; {@link #close()} lets the batch in hand finish, commits it and releases everything.
 */
public final class AlertingService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertingService.class);
    /** Small batches: each alarm may wait on SMS retries, and a batch must finish within max.poll.interval.ms. */
    private static final int MAX_POLL_RECORDS = 50;
    private static final Duration RETRY_DELAY = Duration.ofSeconds(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final AlertingSettings settings;
    private final Clock clock;
    private final AlertingCounters counters = new AlertingCounters();
    private SmsProvider provider;
    private KafkaProducer<String, byte[]> producer;
    private LedgerReader ledgerReader;
    private AlarmConsumer alarmConsumer;
    private Thread pollThread;
    private ScheduledExecutorService summary;

    public AlertingService(AlertingSettings settings) {
        this(settings, Clock.systemUTC());
    }

    AlertingService(AlertingSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Returns once the ledger is restored and the poll thread runs; throws on invalid routing or no Kafka. */
    public synchronized void start() {
        if (pollThread != null) {
            throw new IllegalStateException("alerting service already started");
        }
        try {
            RoutingTable routing = loadRouting();
            provider = SmsProviders.create(settings.smsProvider(), settings.smsLogFile(), clock);
            producer = new KafkaProducer<>(KafkaClients.producer(settings.kafkaBootstrap(), clientId("producer")));
            LedgerIndex index = new LedgerIndex(settings.ledgerMaxEntries());
            ledgerReader = new LedgerReader(new KafkaConsumer<>(KafkaClients.reader(settings.kafkaBootstrap(),
                    clientId("ledger"))), settings.topics().notifications(), index);
            int restored = ledgerReader.catchUp();
            NotificationPipeline chain = chain(routing, index, new LedgerWriter(producer, settings.topics().notifications()));
            AlarmIntake intake = new AlarmIntake(chain, producer, settings.topics().deadLetter(), counters, clock);
            alarmConsumer = new AlarmConsumer(new KafkaConsumer<>(alarmConsumerProperties()), settings.topics().alarms(),
                    intake::handle, ledgerReader::catchUp, RETRY_DELAY);
            logStartup(routing, restored, index);
            pollThread = new Thread(alarmConsumer, "alerting-poll");
            pollThread.start();
            startSummary();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The chain, stage by stage: state policy -> route -> dedup -> render -> send -> ledger. */
    private NotificationPipeline chain(RoutingTable routing, LedgerIndex index, LedgerSink ledger) {
        return new NotificationPipeline(
                new StatePolicy(),
                new Router(routing),
                new Deduplicator(index),
                new SmsText(),
                new Sender(provider, settings.smsMaxAttempts(), settings.smsRetryBackoff(), d -> Thread.sleep(d.toMillis())),
                provider.name(),
                ledger,
                counters,
                clock);
    }

    private RoutingTable loadRouting() {
        RoutingTable routing = RoutingFile.load(settings.routingFile());
        routing.contactsByEnterprise().forEach((enterprise, contacts) -> {
            if (contacts.stream().noneMatch(c -> c.tier() == Contact.SAFETY_OFFICER)) {
                LOG.warn("routing file {}: enterprise {} has no tier-1 contact; its alarms will be recorded as FAILED",
                        settings.routingFile(), enterprise);
            }
        });
        return routing;
    }

    private Properties alarmConsumerProperties() {
        Properties p = KafkaClients.consumer(settings.kafkaBootstrap(), settings.groupId(), clientId("alarms"));
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        return p;
    }

    private String clientId(String role) {
        return settings.groupId() + "-" + role;
    }

    private void logStartup(RoutingTable routing, int restored, LedgerIndex index) {
        LOG.info("alerting starting: routing file {} ({} enterprises, {} contacts: {})", settings.routingFile(),
                routing.enterpriseCount(), routing.contactCount(), routing.summary());
        LOG.info("alerting SMS provider '{}'{}, max {} attempts, backoff from {} ms", settings.smsProvider(),
                settings.smsProvider().equals("log") ? " writing " + settings.smsLogFile().toAbsolutePath() : "",
                settings.smsMaxAttempts(), settings.smsRetryBackoff().toMillis());
        LOG.info("alerting Kafka {}: alarms {} (group {}), ledger {}, dead-letter {}", settings.kafkaBootstrap(),
                settings.topics().alarms(), settings.groupId(), settings.topics().notifications(),
                settings.topics().deadLetter());
        LOG.info("alerting ledger restored: {} records read, {} keys indexed (bound {}, {} evicted)", restored,
                index.size(), index.maxEntries(), index.evicted());
    }

    private void startSummary() {
        summary = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alerting-summary");
            t.setDaemon(true);
            return t;
        });
        long every = settings.summaryInterval().toMillis();
        summary.scheduleAtFixedRate(() -> LOG.info("alerting: {}", counters.snapshot().line()), every, every,
                TimeUnit.MILLISECONDS);
    }

    /** Running totals: alarms seen, sent, skipped, failed, duplicates, rejected. */
    public AlertingCounters.Snapshot stats() {
        return counters.snapshot();
    }

    @Override
    public synchronized void close() {
        if (alarmConsumer != null) {
            alarmConsumer.stop();
        }
        joinPollThread();
        if (summary != null) {
            summary.shutdownNow();
        }
        if (ledgerReader != null) {
            ledgerReader.close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
        if (provider != null) {
            provider.close();
        }
        LOG.info("alerting stopped: {}", counters.snapshot().line());
        alarmConsumer = null;
        pollThread = null;
        summary = null;
        ledgerReader = null;
        producer = null;
        provider = null;
    }

    private void joinPollThread() {
        if (pollThread == null) {
            return;
        }
        try {
            pollThread.join(STOP_TIMEOUT.toMillis());
            if (pollThread.isAlive()) {
                LOG.error("alerting poll thread did not stop within {} s; its uncommitted alarms will be re-read",
                        STOP_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while waiting for the alerting poll thread to stop");
        }
    }
}
