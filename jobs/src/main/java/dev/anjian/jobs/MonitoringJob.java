package dev.anjian.jobs;

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
import org.apache.flink.api.common.JobID;
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
    private final LocalJobSlot local = new LocalJobSlot(JOB_NAME);

    public MonitoringJob(JobsSettings settings) {
        this.settings = settings;
    }

    /**
     * Submitted to a Flink cluster: {@code --config <file>} and {@code --set key=value} ({@link JobArgs}); the
     * cluster's checkpoint folder unless {@code checkpoint.dir} is set; resumed when submitted with a savepoint.
     */
    public static void main(String[] args) throws Exception {
        JobsSettings settings = JobsSettings.from(JobArgs.parse(args).config(System.getenv()));
        LOG.info("submitting {} with {}", JOB_NAME, settings);
        ClusterJob.submit(JOB_NAME, flinkConfig(settings), settings.flink(), env -> wire(env, settings));
    }

    /**
     * Starts the job on a local MiniCluster and returns once it is running; resumes from the newest
     * checkpoint in {@code checkpoint.dir} unless {@code checkpoint.resume} is false.
     */
    public void start() throws Exception {
        FlinkJobSettings flink = settings.flink();
        JobID jobId = local.start(flinkConfig(settings), flink, env -> wire(env, settings));
        LOG.info("{} running on a local MiniCluster: job {}, parallelism {} (max {}), Kafka {} (topics {}*), {}, "
                        + "checkpoints every {} in {}", JOB_NAME, jobId, flink.parallelism(),
                flink.maxParallelism(), flink.kafkaBootstrap(), flink.topics().prefix(), flink.influx(),
                flink.checkpointInterval(), flink.checkpointDir());
    }

    /** Cancels the job (its last checkpoint is kept to resume from) and stops the local cluster; no-op when not started. */
    @Override
    public void close() {
        local.close();
    }

    /** The job's connectors around the pipeline: what {@link #main} and {@link #start} both run. */
    public static void wire(StreamExecutionEnvironment env, JobsSettings settings) {
        FlinkJobSettings flink = settings.flink();
        String bootstrap = flink.kafkaBootstrap();
        Topics topics = flink.topics();
        var events = env.fromSource(
                KafkaConnectors.deviceEvents(bootstrap, topics.deviceEvents(), flink.groupId()),
                MonitoringPipeline.eventTime(settings.detection()), "Kafka device-events")
                .uid("device-events-source");
        var registry = env.fromSource(
                KafkaConnectors.deviceRegistry(bootstrap, topics.deviceRegistry(), flink.groupId()),
                WatermarkStrategy.<Decoded<RegistryUpdate>>noWatermarks(), "Kafka device-registry")
                .uid("device-registry-source");
        var commands = env.fromSource(
                KafkaConnectors.alarmCommands(bootstrap, topics.alarmCommands(), flink.groupId()),
                WatermarkStrategy.<Decoded<AlarmCommand>>noWatermarks(), "Kafka alarm-commands")
                .uid("alarm-commands-source");
        PipelineSinks sinks = new PipelineSinks(
                KafkaConnectors.alarms(bootstrap, topics.alarms()),
                KafkaConnectors.deviceStatus(bootstrap, topics.deviceStatus()),
                KafkaConnectors.deadLetters(bootstrap, topics.deadLetter()),
                new InfluxDbSink<>(flink.influx(), new EventPoints()),
                new InfluxDbSink<AlarmEvent>(flink.influx(), new AlarmPoints()),
                new InfluxDbSink<DeviceStatus>(flink.influx(), new StatusPoints()));
        MonitoringPipeline.build(events, registry, commands, settings.detection(), sinks);

        // Pipeline health: every rejected input of every stage (mqtt, jt808, jobs, onlinerate) as a point.
        env.fromSource(KafkaConnectors.deadLetterInput(bootstrap, topics.deadLetter(), flink.groupId()),
                        WatermarkStrategy.<Decoded<DeadLetter>>noWatermarks(), "Kafka dead-letter")
                .uid("dead-letter-source")
                .map(letter -> letter.isRejected() ? letter.rejected() : letter.value())
                .returns(DeadLetter.class)
                .name("Rejected input").uid("dead-letter-unwrap")
                .sinkTo(new InfluxDbSink<>(flink.influx(), new DeadLetterPoints()))
                .name("InfluxDB dead_letter").uid("dead-letter-influx-sink");
    }

    /**
     * Checkpointing on (exactly-once state, at-least-once sinks), filesystem storage, the last checkpoint
     * kept when the job is cancelled (to resume from), the maximum parallelism, no Kryo fallback, object reuse
     * between chained operators.
     */
    public static Configuration flinkConfig(JobsSettings settings) {
        Configuration config = settings.flink().checkpointed();
        // Safe: every stream element is an immutable record and no function mutates its input, so chained
        // operators may share one instance instead of each getting a deep copy (the detectors chain).
        config.set(PipelineOptions.OBJECT_REUSE, true);
        return config;
    }
}
