package dev.anjian.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.common.Config;
import dev.anjian.jobs.JobsSettings;
import dev.anjian.jobs.MonitoringJob;
import dev.anjian.jobs.onlinerate.OnlineRateJob;
import dev.anjian.jobs.onlinerate.OnlineRateSettings;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/**
 * A savepoint maps state back to operators by uid: every operator of both jobs as wired for a cluster must
 * have one (Flink refuses to build the graph otherwise once auto-generated uids are off), and the uids of
 * the sources, stateful operators and sinks are pinned here, since renaming one orphans its state in every
 * savepoint and checkpoint taken so far.
 */
class StableUidsTest {

    private static final Config DEFAULTS = Config.of(Map.of(), Map.of());

    @Test
    void everyOperatorOfTheMonitoringJobHasItsPinnedUid() {
        JobsSettings settings = JobsSettings.from(DEFAULTS);
        Set<String> uids = uids(MonitoringJob.flinkConfig(settings), env -> MonitoringJob.wire(env, settings));

        assertThat(uids).containsAll(Set.of(
                "device-events-source", "device-registry-source", "alarm-commands-source", "dead-letter-source",
                "device-events-decoded", "device-registry-decoded", "alarm-commands-decoded",
                "device-inputs", "registry-controls", "suppressions", "suppression-controls", "acknowledgements",
                "device-inputs-by-device", "threshold-detector", "sensor-fault-detector", "offline-detector",
                "vehicle-rules", "alarm-lifecycle", "dead-letter-unwrap",
                "alarms-kafka", "alarm-points-influxdb", "device-status-kafka", "status-points-influxdb",
                "event-points-influxdb", "dead-letter-kafka", "dead-letter-influx-sink"));
    }

    @Test
    void everyOperatorOfTheOnlineRateJobHasItsPinnedUid() {
        OnlineRateSettings settings = OnlineRateSettings.from(DEFAULTS);
        Set<String> uids = uids(OnlineRateJob.flinkConfig(settings), env -> OnlineRateJob.wire(env, settings));

        assertThat(uids).containsAll(Set.of(
                "onlinerate-device-status-source", "onlinerate-device-registry-source",
                "onlinerate-status-decoded", "onlinerate-registry-decoded", "onlinerate-devices", "onlinerate-scopes",
                "onlinerate-records", "online-rates-kafka", "online-rate-day-influxdb", "online-rate-minute-influxdb",
                "onlinerate-dead-letter-kafka"));
    }

    /** The uids of the job's stream graph, built as for submission but with uid generation off. */
    private static Set<String> uids(Configuration jobConfig, Consumer<StreamExecutionEnvironment> wiring) {
        Configuration config = new Configuration(jobConfig);
        config.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        wiring.accept(env);
        StreamGraph graph = env.getStreamGraph(); // throws IllegalStateException naming an operator without uid
        assertThat(graph.getStreamNodes()).extracting(StreamNode::getTransformationUID)
                .as("every node has a uid").allMatch(Objects::nonNull);
        return graph.getStreamNodes().stream().map(StreamNode::getTransformationUID).collect(Collectors.toSet());
    }
}
