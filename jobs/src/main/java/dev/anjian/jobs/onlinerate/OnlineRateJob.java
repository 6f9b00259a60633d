package dev.anjian.jobs.onlinerate;

import dev.anjian.common.Config;
import dev.anjian.events.DeviceStatus;
import dev.anjian.events.Topics;
import dev.anjian.jobs.ClusterJob;
import dev.anjian.jobs.Decoded;
import dev.anjian.jobs.FlinkDefaults;
import dev.anjian.jobs.JobArgs;
import dev.anjian.jobs.LocalJob;
import dev.anjian.jobs.influx.InfluxDbSink;
import dev.anjian.jobs.kafka.KafkaConnectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The online-rate job: Kafka device-status and device-registry in, {@link OnlineRatePipeline} in between,
 * Kafka online-rates and dead-letter and InfluxDB {@code online_rate} out. Two ways to run it:
 * <ul>
 *   <li>{@link #main}: submitted to a Flink cluster ({@code flink run}, REST {@code /jars/<id>/run}; see
 *       {@code deploy/flink});</li>
 *   <li>{@code new OnlineRateJob(settings).start()} ... {@code close()}: on an in-process MiniCluster, for the
 *       {@code anjian} CLI, the demo and end-to-end tests; resumes from its newest retained checkpoint.</li>
 * </ul>
 */
public final class OnlineRateJob implements AutoCloseable {

    public static final String JOB_NAME = "anjian-online-rates";

    private static final Logger LOG = LoggerFactory.getLogger(OnlineRateJob.class);

    private final OnlineRateSettings settings;
    private LocalJob job;

    public OnlineRateJob(OnlineRateSettings settings) {
        this.settings = settings;
    }

    /**
     * Submitted to a Flink cluster: {@code --config <file>} and {@code --set key=value} ({@link JobArgs}); the
     * cluster's checkpoint folder unless {@code onlinerate.checkpoint.dir} is set.
     */
    public static void main(String[] args) throws Exception {
        Config config = JobArgs.parse(args).config(System.getenv());
        OnlineRateSettings settings = OnlineRateSettings.from(config);
        LOG.info("submitting {} with {}", JOB_NAME, settings);
        ClusterJob.submit(JOB_NAME, flinkConfig(settings), JobArgs.isSet(config, "onlinerate.checkpoint.dir"),
                settings.parallelism(), env -> wire(env, settings));
    }

    /** Starts the job on a local MiniCluster and returns once it is running; resumes from its newest checkpoint. */
    public synchronized void start() throws Exception {
        if (job != null) {
            throw new IllegalStateException(JOB_NAME + " already started");
        }
        job = LocalJob.start(JOB_NAME, flinkConfig(settings), settings.parallelism(), settings.tmpDir(),
                settings.checkpointDir(), settings.resumeFromCheckpoint(), env -> wire(env, settings));
        LOG.info("{} running on a local MiniCluster: job {}, Kafka {} (topics {}*), {}, days in {}, "
                        + "figures every {}, days closed {} after midnight, checkpoints every {} in {}",
                JOB_NAME, job.jobId(), settings.kafkaBootstrap(), settings.topics().prefix(), settings.influx(),
                settings.days().zone(), settings.emitInterval(), settings.closeDelay(),
                settings.checkpointInterval(), settings.checkpointDir());
    }

    /** Cancels the job (its last checkpoint is kept to resume from) and stops the local cluster; no-op when not started. */
    @Override
    public synchronized void close() {
        if (job != null) {
            try {
                job.close();
            } finally {
                job = null;
            }
        }
    }

    /** The job's connectors around the pipeline: what {@link #main} and {@link #start} both run. */
    public static void wire(StreamExecutionEnvironment env, OnlineRateSettings settings) {
        String bootstrap = settings.kafkaBootstrap();
        Topics topics = settings.topics();
        var statuses = env.fromSource(
                OnlineRateConnectors.deviceStatus(bootstrap, topics.deviceStatus(), settings.groupId()),
                WatermarkStrategy.<Decoded<DeviceStatus>>noWatermarks(), "Kafka device-status")
                .uid("onlinerate-device-status-source");
        var registry = env.fromSource(
                OnlineRateConnectors.deviceRegistry(bootstrap, topics.deviceRegistry(), settings.groupId()),
                WatermarkStrategy.<Decoded<RegistryChange>>noWatermarks(), "Kafka device-registry")
                .uid("onlinerate-device-registry-source");
        OnlineRateSinks sinks = new OnlineRateSinks(
                OnlineRateConnectors.onlineRates(bootstrap, topics.onlineRates()),
                new InfluxDbSink<>(settings.influx(), OnlineRatePoints.daily()),
                new InfluxDbSink<>(settings.influx(), OnlineRatePoints.live()),
                KafkaConnectors.deadLetters(bootstrap, topics.deadLetter()));
        OnlineRatePipeline.build(statuses, registry, settings.days(), settings.closeDelay(), settings.emitInterval(),
                settings.unregisteredRetention(), sinks);
    }

    /**
     * Checkpointing on (exactly-once state, at-least-once sinks), filesystem storage, retained on cancel, the
     * maximum parallelism, no Kryo.
     */
    public static Configuration flinkConfig(OnlineRateSettings settings) {
        return FlinkDefaults.checkpointed(settings.checkpointInterval(), settings.checkpointDir(),
                settings.maxParallelism());
    }
}
