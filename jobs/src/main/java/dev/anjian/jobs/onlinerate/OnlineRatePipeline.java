package dev.anjian.jobs.onlinerate;

import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceStatus;
import dev.anjian.events.OnlineRate;
import dev.anjian.jobs.Decoded;
import dev.anjian.jobs.SplitRejected;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The online-rate topology, sources and sinks injected:
 * <pre>
 * device-status --+-- keyBy device --> DeviceContribution --ScopeChange-- keyBy scope --> ScopeRates --+--> online-rates
 * device-registry-+                                                                                   +--> online_rate (day, minute)
 * rejected input -------------------------------------------------------------------------------------------> dead-letter
 * </pre>
 */
public final class OnlineRatePipeline {

    private OnlineRatePipeline() {
    }

    public static void build(DataStream<Decoded<DeviceStatus>> statusInput, DataStream<Decoded<RegistryChange>> registryInput,
            LocalDays days, Duration closeDelay, Duration emitInterval, Duration unregisteredRetention,
            OnlineRateSinks sinks) {
        SingleOutputStreamOperator<DeviceStatus> statuses = statusInput
                .process(new SplitRejected<DeviceStatus>(), TypeInformation.of(DeviceStatus.class))
                .uid("onlinerate-status-decoded").name("Decoded device-status");
        SingleOutputStreamOperator<RegistryChange> registry = registryInput
                .process(new SplitRejected<RegistryChange>(), TypeInformation.of(RegistryChange.class))
                .uid("onlinerate-registry-decoded").name("Decoded device-registry");

        DataStream<ScopeChange> changes = statuses.keyBy(DeviceStatus::deviceId, Types.STRING)
                .connect(registry.keyBy(RegistryChange::deviceId, Types.STRING))
                .process(new DeviceContribution(days, unregisteredRetention), TypeInformation.of(ScopeChange.class))
                .uid("onlinerate-devices").name("Device contributions to scopes");
        DataStream<ScopeFigures> figures = changes.keyBy(ScopeChange::key, Types.STRING)
                .process(new ScopeRates(days, closeDelay, emitInterval), TypeInformation.of(ScopeFigures.class))
                .uid("onlinerate-scopes").name("Scope online rates");

        figures.map(ScopeFigures::toOnlineRate, TypeInformation.of(OnlineRate.class))
                .uid("onlinerate-records").name("OnlineRate records")
                .sinkTo(sinks.onlineRates()).uid("online-rates-kafka").name("Online rates to Kafka");
        figures.sinkTo(sinks.dailyPoints()).uid("online-rate-day-influxdb").name("Daily online rates to InfluxDB");
        figures.sinkTo(sinks.livePoints()).uid("online-rate-minute-influxdb").name("Online now to InfluxDB");

        DataStream<DeadLetter> rejected = statuses.getSideOutput(SplitRejected.REJECTED)
                .union(registry.getSideOutput(SplitRejected.REJECTED));
        rejected.sinkTo(sinks.deadLetters()).uid("onlinerate-dead-letter-kafka").name("Rejected input to dead-letter");
    }
}
