package dev.anjian.jobs.onlinerate;

import dev.anjian.events.DeviceKind;
import dev.anjian.events.DeviceStatus;
import dev.anjian.jobs.testing.Harnesses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;

/**
 * The pipeline's two keyed stages in operator harnesses, chained by hand: what {@link DeviceContribution}
 * emits goes into {@link ScopeRates}. Processing time is one shared clock (epoch seconds here), moved
 * forward with {@link #advanceTo}; {@link #restart()} snapshots both operators and restores them into new
 * ones, as a job restart from a checkpoint does.
 */
final class OnlineRateRig implements AutoCloseable {

    static final Duration CLOSE_DELAY = Duration.ofMinutes(5);
    static final Duration EMIT_INTERVAL = Duration.ofHours(1);
    static final Duration UNREGISTERED_RETENTION = Duration.ofDays(1);

    private KeyedTwoInputStreamOperatorTestHarness<String, DeviceStatus, RegistryChange, ScopeChange> devices;
    private KeyedOneInputStreamOperatorTestHarness<String, ScopeChange, ScopeFigures> scopes;
    private final List<ScopeFigures> figures = new ArrayList<>();
    private int forwarded;
    private int collected;
    private long nowSecond;
    private long checkpointId;

    OnlineRateRig(long startSecond) throws Exception {
        open(null, null);
        nowSecond = startSecond;
        devices.setProcessingTime(startSecond * 1000);
        scopes.setProcessingTime(startSecond * 1000);
    }

    void register(String deviceId, Dims dims, long atSecond) throws Exception {
        advanceTo(atSecond);
        devices.processElement2(new StreamRecord<>(new RegistryChange(deviceId, dims, atSecond * 1000)));
        forward();
    }

    void remove(String deviceId, long atSecond) throws Exception {
        advanceTo(atSecond);
        devices.processElement2(new StreamRecord<>(new RegistryChange(deviceId, null, atSecond * 1000)));
        forward();
    }

    /** A device-status transition with {@code since = sinceSecond}, read at processing time {@code readAt}. */
    void status(String deviceId, boolean online, long sinceSecond, long readAt) throws Exception {
        advanceTo(readAt);
        DeviceStatus.Status status = online ? DeviceStatus.Status.ONLINE : DeviceStatus.Status.OFFLINE;
        devices.processElement1(new StreamRecord<>(new DeviceStatus(deviceId, status, sinceSecond * 1000,
                online ? "message received" : "no message for 180 s", "E", "410100",
                dev.anjian.events.Industry.ROAD_TRANSPORT, DeviceKind.VEHICLE_TERMINAL)));
        forward();
    }

    void status(String deviceId, boolean online, long sinceSecond) throws Exception {
        status(deviceId, online, sinceSecond, Math.max(nowSecond, sinceSecond));
    }

    /** Moves the shared processing-time clock: device timers fire first, their changes reach the scopes. */
    void advanceTo(long second) throws Exception {
        if (second < nowSecond) {
            return;
        }
        nowSecond = second;
        devices.setProcessingTime(second * 1000);
        forward();
        scopes.setProcessingTime(second * 1000);
        collect();
    }

    void restart() throws Exception {
        checkpointId++;
        OperatorSubtaskState deviceState = devices.snapshot(checkpointId, nowSecond * 1000);
        OperatorSubtaskState scopeState = scopes.snapshot(checkpointId, nowSecond * 1000);
        collect();
        devices.close();
        scopes.close();
        open(deviceState, scopeState);
        forwarded = 0;
        collected = 0;
        devices.setProcessingTime(nowSecond * 1000);
        forward();
        scopes.setProcessingTime(nowSecond * 1000);
        collect();
    }

    List<ScopeFigures> figures() {
        return List.copyOf(figures);
    }

    /** The complete figures of {@code scopeKey} for {@code day}: exactly one, or the test fails. */
    ScopeFigures completeDay(String scopeKey, long day) {
        List<ScopeFigures> matching = figures.stream()
                .filter(f -> f.complete() && (f.scopeType() + ':' + f.scope()).equals(scopeKey)
                        && f.windowStart() == Scenario.DAYS.startOf(day) * 1000)
                .toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one complete day " + day + " for " + scopeKey + ", got " + matching);
        }
        return matching.get(0);
    }

    int deviceStateEntries() {
        return devices.numKeyedStateEntries();
    }

    int deviceTimers() {
        return devices.numProcessingTimeTimers();
    }

    int scopeStateEntries() {
        return scopes.numKeyedStateEntries();
    }

    int scopeTimers() {
        return scopes.numProcessingTimeTimers();
    }

    private void forward() throws Exception {
        List<ScopeChange> out = devices.extractOutputValues();
        for (ScopeChange change : out.subList(forwarded, out.size())) {
            scopes.processElement(new StreamRecord<>(change));
        }
        forwarded = out.size();
        collect();
    }

    private void collect() {
        List<ScopeFigures> out = scopes.extractOutputValues();
        figures.addAll(out.subList(collected, out.size()));
        collected = out.size();
    }

    private void open(OperatorSubtaskState deviceState, OperatorSubtaskState scopeState) throws Exception {
        devices = Harnesses.open(new DeviceContribution(Scenario.DAYS, UNREGISTERED_RETENTION),
                DeviceStatus::deviceId, RegistryChange::deviceId, deviceState);
        scopes = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new ScopeRates(Scenario.DAYS, CLOSE_DELAY, EMIT_INTERVAL)),
                ScopeChange::key, Types.STRING);
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        scopes.getExecutionConfig().configure(noKryo, OnlineRateRig.class.getClassLoader());
        scopes.setup();
        if (scopeState != null) {
            scopes.initializeState(scopeState);
        }
        scopes.open();
    }

    @Override
    public void close() throws Exception {
        devices.close();
        scopes.close();
    }
}
