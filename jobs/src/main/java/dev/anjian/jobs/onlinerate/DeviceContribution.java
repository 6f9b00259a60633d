package dev.anjian.jobs.onlinerate;

import dev.anjian.events.DeviceStatus;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's contribution to its scopes' counts, keyed by device id: device-status transitions (1) and
 * registry changes (2) in, {@link ScopeChange}s out, stamped with the transition's {@code since} or the
 * registry record's time (seconds). The pure steps are {@link DeviceTrack}'s.
 *
 * <p>One processing-time timer per device at most: at the next local midnight while the device is
 * effectively online (it reported on the new day too), or, for a status of a device not (or no longer)
 * registered, {@code unregisteredRetention} later, when that status is forgotten.
 */
public final class DeviceContribution extends KeyedCoProcessFunction<String, DeviceStatus, RegistryChange, ScopeChange> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DeviceContribution.class);

    private final LocalDays days;
    private final long unregisteredRetentionMillis;

    private transient ValueState<DeviceTrack> track;
    private transient ValueState<Long> timer;

    public DeviceContribution(LocalDays days, Duration unregisteredRetention) {
        this.days = days;
        this.unregisteredRetentionMillis = unregisteredRetention.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        track = getRuntimeContext().getState(new ValueStateDescriptor<>("track", DeviceTrack.class));
        timer = getRuntimeContext().getState(new ValueStateDescriptor<>("timer", Long.class));
    }

    @Override
    public void processElement1(DeviceStatus status, Context ctx, Collector<ScopeChange> out) throws Exception {
        boolean online = status.status() == DeviceStatus.Status.ONLINE;
        apply(current().status(online, status.since() / 1000, days), ctx, out);
    }

    @Override
    public void processElement2(RegistryChange change, Context ctx, Collector<ScopeChange> out) throws Exception {
        long at = change.atMillis() / 1000;
        DeviceTrack now = current();
        apply(change.isRemoval() ? now.removed(at, days) : now.registered(change.dims(), at, days), ctx, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ScopeChange> out) throws Exception {
        timer.clear();
        DeviceTrack now = current();
        if (!now.isRegistered()) {
            LOG.debug("forgetting the status of unregistered device {}", ctx.getCurrentKey());
            track.clear();
            return;
        }
        apply(now.midnight(timestamp / 1000, days), ctx, out);
    }

    private DeviceTrack current() throws Exception {
        DeviceTrack now = track.value();
        return now == null ? DeviceTrack.unknown() : now;
    }

    private void apply(DeviceTrack.Step step, Context ctx, Collector<ScopeChange> out) throws Exception {
        List<ScopeChange> changes = ScopeChange.spread(step.changes());
        changes.forEach(out::collect);
        if (!step.next().isRegistered() && !step.next().hasStatus()) {
            track.clear(); // removed and never seen: nothing left to remember
        } else {
            track.update(step.next());
        }
        rearm(step.next(), ctx.timerService().currentProcessingTime(), ctx);
    }

    private void rearm(DeviceTrack next, long now, Context ctx) throws Exception {
        Long armed = timer.value();
        long wanted;
        if (next.isEffectivelyOnline()) {
            wanted = days.endOf(days.dayOf(now / 1000)) * 1000;
        } else if (!next.isRegistered() && next.hasStatus()) {
            wanted = armed != null ? armed : now + unregisteredRetentionMillis;
        } else {
            wanted = 0; // registered and offline (or never seen): nothing to wait for
        }
        if (armed != null && armed == wanted) {
            return;
        }
        if (armed != null) {
            ctx.timerService().deleteProcessingTimeTimer(armed);
            timer.clear();
        }
        if (wanted != 0) {
            ctx.timerService().registerProcessingTimeTimer(wanted);
            timer.update(wanted);
        }
    }
}
