package dev.anjian.jobs;

import dev.anjian.common.Config;
import dev.anjian.events.AlarmCommand;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceStatus;
import dev.anjian.events.Topics;
import dev.anjian.jobs.influx.AlarmPoints;
import dev.anjian.jobs.influx.DeadLetterPoints;
import dev.anjian.jobs.influx.EventPoints;
import dev.anjian.jobs.influx.InfluxDbSink;
import dev.anjian.jobs.influx.StatusPoints;
import dev.anjian.jobs.kafka.KafkaConnectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitoring job: Kafka device-events, device-registry and alarm-commands in, {@link MonitoringPipeline}
 * in between, Kafka alarms, device-status and dead-letter and InfluxDB out. Two ways to run it:
 * <ul>
 *   <li>{@link #main}: submitted to a Flink cluster ({@code flink run}, REST {@code /jars/<id>/run}; see
 *       {@code deploy/flink});</li>
 *   <li>{@code new MonitoringJob(settings).start()} ... {@code close()}: on an in-process MiniCluster,
 *       for the local demo ({@code anjian} CLI) and end-to-end tests.</li>
 * </ul>
 */
public final class MonitoringJob implements AutoCloseable {

    public static final String JOB_NAME = "anjian-monitoring";

    private static final Logger LOG = LoggerFactory.getLogger(MonitoringJob.class);

    private final JobsSettings settings;
    private LocalJob job;

    public MonitoringJob(JobsSettings settings) {
        this.settings = settings;
    }

    /**
     * Submitted to a Flink cluster: {@code --config <file>} and {@code --set key=value} ({@link JobArgs}); the
     * cluster's checkpoint folder unless {@code checkpoint.dir} is set; resumed when submitted with a savepoint.
     */
    public static void main(String[] args) throws Exception {
        Config config = JobArgs.parse(args).config(System.getenv());
        JobsSettings settings = JobsSettings.from(config);
        LOG.info("submitting {} with {}", JOB_NAME, settings);
        ClusterJob.submit(JOB_NAME, flinkConfig(settings), JobArgs.isSet(config, "checkpoint.dir"),
                settings.parallelism(), env -> wire(env, settings));
    }

    /**
     * Starts the job on a local MiniCluster and returns once it is running; resumes from the newest
     * checkpoint in {@code checkpoint.dir} unless {@code checkpoint.resume} is false.
     */
    public synchronized void start() throws Exception {
        if (job != null) {
            throw new IllegalStateException(JOB_NAME + " already started");
        }
        job = LocalJob.start(JOB_NAME, flinkConfig(settings), settings.parallelism(), settings.tmpDir(),
                settings.checkpointDir(), settings.resumeFromCheckpoint(), env -> wire(env, settings));
        LOG.info("{} running on a local MiniCluster: job {}, parallelism {} (max {}), Kafka {} (topics {}*), {}, "
                        + "checkpoints every {} in {}", JOB_NAME, job.jobId(), settings.parallelism(),
                settings.maxParallelism(), settings.kafkaBootstrap(), settings.topics().prefix(), settings.influx(),
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
    public static void wire(StreamExecutionEnvironment env, JobsSettings settings) {
        String bootstrap = settings.kafkaBootstrap();
        Topics topics = settings.topics();
        var events = env.fromSource(
                KafkaConnectors.deviceEvents(bootstrap, topics.deviceEvents(), settings.groupId()),
                MonitoringPipeline.eventTime(settings.detection()), "Kafka device-events")
                .uid("device-events-source");
        var registry = env.fromSource(
                KafkaConnectors.deviceRegistry(bootstrap, topics.deviceRegistry(), settings.groupId()),
                WatermarkStrategy.<Decoded<RegistryUpdate>>noWatermarks(), "Kafka device-registry")
                .uid("device-registry-source");
        var commands = env.fromSource(
                KafkaConnectors.alarmCommands(bootstrap, topics.alarmCommands(), settings.groupId()),
                WatermarkStrategy.<Decoded<AlarmCommand>>noWatermarks(), "Kafka alarm-commands")
                .uid("alarm-commands-source");
        PipelineSinks sinks = new PipelineSinks(
                KafkaConnectors.alarms(bootstrap, topics.alarms()),
                KafkaConnectors.deviceStatus(bootstrap, topics.deviceStatus()),
                KafkaConnectors.deadLetters(bootstrap, topics.deadLetter()),
                new InfluxDbSink<>(settings.influx(), new EventPoints()),
                new InfluxDbSink<AlarmEvent>(settings.influx(), new AlarmPoints()),
                new InfluxDbSink<DeviceStatus>(settings.influx(), new StatusPoints()));
        MonitoringPipeline.build(events, registry, commands, settings.detection(), sinks);

        // Pipeline health: every rejected input of every stage (mqtt, jt808, jobs, onlinerate) as a point.
        env.fromSource(KafkaConnectors.deadLetterInput(bootstrap, topics.deadLetter(), settings.groupId()),
                        WatermarkStrategy.<Decoded<DeadLetter>>noWatermarks(), "Kafka dead-letter")
                .uid("dead-letter-source")
                .map(letter -> letter.isRejected() ? letter.rejected() : letter.value())
                .returns(DeadLetter.class)
                .name("Rejected input").uid("dead-letter-unwrap")
                .sinkTo(new InfluxDbSink<>(settings.influx(), new DeadLetterPoints()))
                .name("InfluxDB dead_letter").uid("dead-letter-influx-sink");
    }

    /**
     * Checkpointing on (exactly-once state, at-least-once sinks), filesystem storage, the last checkpoint
     * kept when the job is cancelled (to resume from), the maximum parallelism, no Kryo fallback, object reuse
     * between chained operators.
     */
    public static Configuration flinkConfig(JobsSettings settings) {
        Configuration config = FlinkDefaults.checkpointed(settings.checkpointInterval(), settings.checkpointDir(),
                settings.maxParallelism());
        // Safe: every stream element is an immutable record and no function mutates its input, so chained
        // operators may share one instance instead of each getting a deep copy (the detectors chain).
        config.set(PipelineOptions.OBJECT_REUSE, true);
        return config;
    }
}
