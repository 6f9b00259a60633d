package dev.anjian.alerting;

import dev.anjian.alerting.api.AlarmApi;
import dev.anjian.alerting.api.ApiTokens;
import dev.anjian.alerting.api.CommandPublisher;
import dev.anjian.alerting.book.AlarmBook;
import dev.anjian.alerting.influx.NotificationPoints;
import dev.anjian.alerting.ledger.LedgerIndex;
import dev.anjian.alerting.ledger.LedgerReader;
import dev.anjian.alerting.ledger.LedgerSink;
import dev.anjian.alerting.ledger.LedgerWriter;
import dev.anjian.alerting.ledger.NotificationHistory;
import dev.anjian.alerting.metrics.PrometheusText;
import dev.anjian.alerting.pipeline.AlertingCounters;
import dev.anjian.alerting.pipeline.AlertingEngine;
import dev.anjian.alerting.pipeline.OffsetTracker;
import dev.anjian.alerting.routing.Contact;
import dev.anjian.alerting.routing.RoutingFile;
import dev.anjian.alerting.routing.RoutingTable;
import dev.anjian.alerting.sms.SmsProvider;
import dev.anjian.alerting.sms.SmsProviders;
import dev.anjian.common.kafka.KafkaClients;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
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
 * The alerting deployable, startable in-process: {@code new AlertingService(settings).start()} validates
 * the routing and token files, restores the notifications ledger and the alarm book, then polls the alarms
 * topic on its own thread and serves the alarm API; {@link #close()} stops polling, commits what is
 * recorded and releases everything. Unsent SMS are not lost on close: their alarms are not committed.
 */
public final class AlertingService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertingService.class);
    /** Small batches: bounds how far one poll can overshoot the backlog limit. */
    private static final int MAX_POLL_RECORDS = 50;
    private static final Duration RETRY_DELAY = Duration.ofSeconds(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final AlertingSettings settings;
    private final Clock clock;
    private final AlertingCounters counters = new AlertingCounters();
    private final AlarmBook book;
    private final NotificationHistory history;
    private SmsProvider provider;
    private KafkaProducer<String, byte[]> producer;
    private LedgerReader ledgerReader;
    private NotificationPoints points;
    private AlarmFollower follower;
    private Thread followThread;
    private AlarmConsumer alarmConsumer;
    private Thread pollThread;
    private AlarmApi api;
    private ScheduledExecutorService summary;

    public AlertingService(AlertingSettings settings) {
        this(settings, Clock.systemUTC());
    }

    AlertingService(AlertingSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.book = new AlarmBook(settings.closedAlarmsKept());
        this.history = new NotificationHistory(settings.historyMaxAlarms());
    }

    /** Returns once state is restored, polling runs and the API listens; throws on invalid config or no Kafka. */
    public synchronized void start() {
        if (pollThread != null) {
            throw new IllegalStateException("alerting service already started");
        }
        try {
            RoutingTable routing = loadRouting();
            ApiTokens tokens = settings.api().enabled() ? ApiTokens.load(settings.api().tokensFile()) : null;
            provider = SmsProviders.create(settings.smsProvider(), settings.smsLogFile(), settings.smpp(), settings.http(), clock);
            producer = new KafkaProducer<>(KafkaClients.producer(settings.kafkaBootstrap(), clientId("producer")));
            LedgerIndex index = new LedgerIndex(settings.ledgerMaxEntries());
            ledgerReader = new LedgerReader(new KafkaConsumer<>(KafkaClients.reader(settings.kafkaBootstrap(),
                    clientId("ledger"))), settings.topics().notifications(), index, history);
            int restored = ledgerReader.catchUp();
            int alarmRecords = followAlarms();
            OffsetTracker offsets = new OffsetTracker();
            AlertingEngine engine = EngineAssembly.engine(settings, routing, index, history, book, provider,
                    ledger(), offsets, counters, clock);
            AlarmIntake intake = new AlarmIntake(engine, producer, settings.topics().deadLetter(), counters, clock);
            alarmConsumer = new AlarmConsumer(new KafkaConsumer<>(alarmConsumerProperties()), settings.topics().alarms(),
                    intake::handle, engine, offsets, ledgerReader::catchUp, RETRY_DELAY);
            logStartup(routing, restored, index, alarmRecords);
            pollThread = new Thread(alarmConsumer, "alerting-poll");
            pollThread.start();
            startApi(tokens);
            startSummary();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The ledger, then (when enabled) a best-effort point per durable record for the dashboards. */
    private LedgerSink ledger() {
        LedgerSink ledger = new LedgerWriter(producer, settings.topics().notifications());
        if (settings.influx() == null) {
            LOG.info("alerting writes no notification points to InfluxDB (influx.enabled=false)");
            return ledger;
        }
        points = new NotificationPoints(settings.influx(), counters);
        points.start();
        return ledger.andThen(points::offer);
    }

    private int followAlarms() {
        follower = new AlarmFollower(new KafkaConsumer<>(KafkaClients.reader(settings.kafkaBootstrap(), clientId("book"))),
                settings.topics().alarms(), settings.topics().alarmCommands(), book);
        int read = follower.catchUp();
        followThread = new Thread(follower, "alerting-follow");
        followThread.setDaemon(true);
        followThread.start();
        return read;
    }

    private void startApi(ApiTokens tokens) {
        if (tokens == null) {
            LOG.info("alarm API disabled (api.enabled=false)");
            return;
        }
        api = new AlarmApi(settings.api().host(), settings.api().port(), tokens, book, history,
                new CommandPublisher(producer, settings.topics().alarmCommands()), this::metricsText, clock);
        api.start();
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

    private void logStartup(RoutingTable routing, int restored, LedgerIndex index, int alarmRecords) {
        LOG.info("alerting starting: routing file {} ({} enterprises, {} contacts: {})", settings.routingFile(),
                routing.enterpriseCount(), routing.contactCount(), routing.summary());
        LOG.info("alerting SMS provider '{}'{}{}{}, max attempts {}, backoff {} ms .. {} s, backlog bound {}",
                settings.smsProvider(),
                settings.smsProvider().equals("log") ? " writing " + settings.smsLogFile().toAbsolutePath() : "",
                settings.smpp() == null ? "" : " " + settings.smpp(), settings.http() == null ? "" : " " + settings.http(),
                settings.smsMaxAttempts() == 0 ? "unlimited" : settings.smsMaxAttempts(),
                settings.smsRetryBackoff().toMillis(), settings.smsRetryBackoffMax().toSeconds(), settings.smsBacklogMax());
        LOG.info("alerting policy: {}", settings.policy());
        LOG.info("alerting Kafka {}: alarms {} (group {}), commands {}, ledger {}, dead-letter {}", settings.kafkaBootstrap(),
                settings.topics().alarms(), settings.groupId(), settings.topics().alarmCommands(),
                settings.topics().notifications(), settings.topics().deadLetter());
        LOG.info("alerting ledger restored: {} records read, {} keys indexed (bound {}, {} evicted); alarm book: {} records"
                + " read, {} open alarms, {} closed kept", restored, index.size(), index.maxEntries(), index.evicted(),
                alarmRecords, book.openCount(), book.closedCount());
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

    /** Running totals: alarms seen, sent, skipped, failed, duplicates, rejected, backlog ... */
    public AlertingCounters.Snapshot stats() {
        return counters.snapshot();
    }

    /** Where the alarm API listens (port 0 in the settings picks a free one), empty when disabled or stopped. */
    public Optional<InetSocketAddress> apiAddress() {
        return Optional.ofNullable(api).map(AlarmApi::address);
    }

    /** The /metrics page. */
    public String metricsText() {
        return PrometheusText.render(settings.smsProvider(), counters.snapshot(), book.openCount());
    }

    @Override
    public synchronized void close() {
        if (api != null) {
            api.close();
        }
        if (alarmConsumer != null) {
            alarmConsumer.stop();
        }
        join(pollThread, "poll");
        if (follower != null) {
            follower.close();
        }
        join(followThread, "follow");
        if (summary != null) {
            summary.shutdownNow();
        }
        if (ledgerReader != null) {
            ledgerReader.close();
        }
        if (points != null) {
            points.close(); // after the poll thread stopped: nothing is offered any more
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
        if (provider != null) {
            provider.close();
        }
        LOG.info("alerting stopped: {}", counters.snapshot().line());
        api = null;
        alarmConsumer = null;
        pollThread = null;
        follower = null;
        followThread = null;
        summary = null;
        ledgerReader = null;
        points = null;
        producer = null;
        provider = null;
    }

    private static void join(Thread thread, String name) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(STOP_TIMEOUT.toMillis());
            if (thread.isAlive()) {
                LOG.error("alerting {} thread did not stop within {} s; its uncommitted alarms will be re-read", name,
                        STOP_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while waiting for the alerting {} thread to stop", name);
        }
    }
}
