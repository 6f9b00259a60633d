package dev.anjian.jobs.onlinerate;

import dev.anjian.events.DeviceStatus;
import dev.anjian.events.Topics;
import dev.anjian.jobs.ClusterJob;
import dev.anjian.jobs.Decoded;
import dev.anjian.jobs.FlinkJobSettings;
import dev.anjian.jobs.JobArgs;
import dev.anjian.jobs.LocalJobSlot;
import dev.anjian.jobs.influx.InfluxDbSink;
import dev.anjian.jobs.kafka.KafkaConnectors;
import org.apache.flink.api.common.JobID;
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
    private final LocalJobSlot local = new LocalJobSlot(JOB_NAME);

    public OnlineRateJob(OnlineRateSettings settings) {
        this.settings = settings;
    }

    /**
     * Submitted to a Flink cluster: {@code --config <file>} and {@code --set key=value} ({@link JobArgs}); the
     * cluster's checkpoint folder unless {@code onlinerate.checkpoint.dir} is set.
     */
    public static void main(String[] args) throws Exception {
        OnlineRateSettings settings = OnlineRateSettings.from(JobArgs.parse(args).config(System.getenv()));
        LOG.info("submitting {} with {}", JOB_NAME, settings);
        ClusterJob.submit(JOB_NAME, flinkConfig(settings), settings.flink(), env -> wire(env, settings));
    }

    /** Starts the job on a local MiniCluster and returns once it is running; resumes from its newest checkpoint. */
    public void start() throws Exception {
        FlinkJobSettings flink = settings.flink();
        JobID jobId = local.start(flinkConfig(settings), flink, env -> wire(env, settings));
        LOG.info("{} running on a local MiniCluster: job {}, Kafka {} (topics {}*), {}, days in {}, "
                        + "figures every {}, days closed {} after midnight, checkpoints every {} in {}",
                JOB_NAME, jobId, flink.kafkaBootstrap(), flink.topics().prefix(), flink.influx(),
                settings.days().zone(), settings.emitInterval(), settings.closeDelay(),
                flink.checkpointInterval(), flink.checkpointDir());
    }

    /** Cancels the job (its last checkpoint is kept to resume from) and stops the local cluster; no-op when not started. */
    @Override
    public void close() {
        local.close();
    }

    /** The job's connectors around the pipeline: what {@link #main} and {@link #start} both run. */
    public static void wire(StreamExecutionEnvironment env, OnlineRateSettings settings) {
        FlinkJobSettings flink = settings.flink();
        String bootstrap = flink.kafkaBootstrap();
        Topics topics = flink.topics();
        var statuses = env.fromSource(
                OnlineRateConnectors.deviceStatus(bootstrap, topics.deviceStatus(), flink.groupId()),
                WatermarkStrategy.<Decoded<DeviceStatus>>noWatermarks(), "Kafka device-status")
                .uid("onlinerate-device-status-source");
        var registry = env.fromSource(
                OnlineRateConnectors.deviceRegistry(bootstrap, topics.deviceRegistry(), flink.groupId()),
                WatermarkStrategy.<Decoded<RegistryChange>>noWatermarks(), "Kafka device-registry")
                .uid("onlinerate-device-registry-source");
        OnlineRateSinks sinks = new OnlineRateSinks(
                OnlineRateConnectors.onlineRates(bootstrap, topics.onlineRates()),
                new InfluxDbSink<>(flink.influx(), OnlineRatePoints.daily()),
                new InfluxDbSink<>(flink.influx(), OnlineRatePoints.live()),
                KafkaConnectors.deadLetters(bootstrap, topics.deadLetter()));
        OnlineRatePipeline.build(statuses, registry, settings.days(), settings.closeDelay(), settings.emitInterval(),
                settings.unregisteredRetention(), sinks);
    }

    /**
     * Checkpointing on (exactly-once state, at-least-once sinks), filesystem storage, retained on cancel, the
     * maximum parallelism, no Kryo.
     */
    public static Configuration flinkConfig(OnlineRateSettings settings) {
        return settings.flink().checkpointed();
    }
}
