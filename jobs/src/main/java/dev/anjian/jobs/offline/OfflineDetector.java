package dev.anjian.jobs.offline;

import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmState;
import dev.anjian.events.AlarmType;
import dev.anjian.events.Connectivity;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceStatus;
import dev.anjian.jobs.Alarms;
import dev.anjian.jobs.RegistryUpdate;
import dev.anjian.jobs.offline.Presence.Status;
import java.time.Duration;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ONLINE/OFFLINE per registered device with processing-time timers, keyed by device id: device events (1),
 * registry updates (2). A device is OFFLINE when nothing arrived for its {@code offlineTimeoutSeconds}
 * (counted from the gateway's {@code receivedAt}, so a backlog read after a restart counts when it
 * arrived, not when the job reads it), when its gateway reported DISCONNECTED and nothing came within
 * {@code disconnectGrace}, or when it never reported within its timeout of being registered. Any message
 * but a DISCONNECTED makes it ONLINE again.
 *
 * <p>Outputs: {@link DeviceStatus} transitions (OFFLINE since = the deadline that passed, ONLINE since =
 * the message's arrival), and on {@link #OFFLINE_ALARMS} the OFFLINE episode (rule {@code offline},
 * episode start = OFFLINE since): RAISED when it goes offline, CLEARED when it is back or removed from the
 * registry (note {@link Alarms#DEVICE_REMOVED}).
 *
 * <p>Restarts: timers and state are checkpointed; a timer that comes due within {@code restoreGrace} of the
 * operator opening is looked at again when that grace ends, so that the backlog of messages that arrived
 * while the job was down is read first: a device that kept reporting is not falsely reported, one that went
 * silent still is. One timer per device at most, moved lazily: a later deadline re-arms when the timer fires.
 *
 * <p>Input lag: when the job is behind its Kafka input (overload, a backlog), a device's newer messages may
 * still be queued when its deadline passes. So a due timer judges OFFLINE only once the wall clock reaches
 * deadline + this subtask's input lag ({@link InputLags}, capped at {@code maxLagHold}), and is re-armed
 * there until then; OFFLINE since stays the deadline. Example (timeout 300 s, last message at 0 s, input
 * 20 s behind): at 300 s the timer is re-armed for 320 s; a message received at 290 s and read at 310 s
 * keeps the device ONLINE; without one it is OFFLINE at 320 s, since 300 s. {@code maxLagHold} 0 judges at
 * the deadline. Gauge {@value #LAG_GAUGE}: the estimate; INFO log per subtask when holding starts and ends.
 */
public final class OfflineDetector extends KeyedCoProcessFunction<String, DeviceEvent, RegistryUpdate, DeviceStatus> {

    public static final OutputTag<AlarmEvent> OFFLINE_ALARMS =
            new OutputTag<>("offline-alarms", TypeInformation.of(AlarmEvent.class));
    public static final String RULE = "offline";
    public static final String LAG_GAUGE = "offlineInputLagMs";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(OfflineDetector.class);
    /** Holds below this are the normal transit time (gateway, Kafka, job): not worth a log line. */
    private static final long NOTABLE_LAG_MILLIS = 1_000;

    private final long disconnectGraceMillis;
    private final long restoreGraceMillis;
    private final long maxLagHoldMillis;

    private transient ValueState<Device> registered;
    private transient ValueState<Presence> presence;
    private transient long graceEnds;
    private transient InputLags inputLag;
    private transient boolean holding; // OFFLINE judgements held by a notable lag, for the transition log
    private transient String subtask;

    public OfflineDetector(Duration disconnectGrace, Duration restoreGrace, Duration maxLagHold) {
        this.disconnectGraceMillis = disconnectGrace.toMillis();
        this.restoreGraceMillis = restoreGrace.toMillis();
        this.maxLagHoldMillis = maxLagHold.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        registered = getRuntimeContext().getState(new ValueStateDescriptor<>("device", Device.class));
        presence = getRuntimeContext().getState(new ValueStateDescriptor<>("presence", Presence.class));
        graceEnds = -1; // fixed by the first element or timer: processing time is the timer service's
        inputLag = new InputLags();
        TaskInfo task = getRuntimeContext().getTaskInfo();
        subtask = (task.getIndexOfThisSubtask() + 1) + "/" + task.getNumberOfParallelSubtasks();
        // read by the metrics thread; in a running job processing time is the wall clock
        getRuntimeContext().getMetricGroup().gauge(LAG_GAUGE,
                (Gauge<Long>) () -> inputLag.millis(System.currentTimeMillis()));
    }

    @Override
    public void processElement1(DeviceEvent event, Context ctx, Collector<DeviceStatus> out) throws Exception {
        long wallClock = started(ctx.timerService().currentProcessingTime());
        inputLag.sample(event.type(), event.receivedAt(), wallClock); // every event read tells its path's lag
        Device device = registered.value();
        Presence now = presence.value();
        if (device == null || now == null) {
            return; // not registered: the threshold detector dead-letters it
        }
        long seen = Math.min(event.receivedAt(), wallClock); // a gateway clock ahead of ours must not extend life
        if (event.type() == DeviceEvent.Type.CONNECTIVITY
                && event.connectivity().state() == Connectivity.State.DISCONNECTED) {
            disconnected(event.connectivity(), seen, now, ctx);
            return;
        }
        boolean missed = now.status() != Status.OFFLINE && seen > now.deadline();
        if (missed) { // silent past its deadline, and its next message read only now (a backlog after a restart)
            if (now.timer() != 0) {
                ctx.timerService().deleteProcessingTimeTimer(now.timer());
            }
            now = wentOffline(device, now, out, ctx, true);
        }
        long deadline = Math.max(seen, now.lastSeen()) + timeoutMillis(device);
        Presence next = now.online(Math.max(seen, now.lastSeen()), deadline, silence(device));
        if (now.status() != Status.ONLINE) {
            out.collect(DeviceStatuses.of(device, DeviceStatus.Status.ONLINE, seen, "message received"));
            if (now.status() == Status.OFFLINE) {
                ctx.output(OFFLINE_ALARMS, alarm(device, AlarmState.CLEARED, now.offlineSince(), seen, missed));
            }
        }
        presence.update(armed(next, ctx));
    }

    @Override
    public void processElement2(RegistryUpdate update, Context ctx, Collector<DeviceStatus> out) throws Exception {
        long wallClock = started(ctx.timerService().currentProcessingTime());
        Presence now = presence.value();
        if (update.isRemoval()) {
            if (now != null && now.timer() != 0) {
                ctx.timerService().deleteProcessingTimeTimer(now.timer());
            }
            Device gone = registered.value();
            if (gone != null && now != null && now.status() == Status.OFFLINE) { // alerting must see it end
                double timeout = gone.offlineTimeoutSeconds();
                ctx.output(OFFLINE_ALARMS, Alarms.ended(gone, AlarmType.OFFLINE, RULE,
                        Alarms.Measure.of("s", 1, timeout, timeout), now.offlineSince(), wallClock, Alarms.DEVICE_REMOVED));
            }
            registered.clear();
            presence.clear();
            return;
        }
        Device device = update.device();
        registered.update(device);
        if (now == null) {
            Presence never = new Presence(Status.NEVER_REPORTED, wallClock, wallClock + timeoutMillis(device),
                    "never reported since registration", 0L, 0L);
            presence.update(armed(never, ctx));
        } else if (now.status() != Status.OFFLINE) { // the timeout may have changed
            presence.update(armed(now.with(now.status(), now.lastSeen(), now.lastSeen() + timeoutMillis(device),
                    now.reason()), ctx));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<DeviceStatus> out) throws Exception {
        long wallClock = started(ctx.timerService().currentProcessingTime());
        Presence now = presence.value();
        Device device = registered.value();
        if (now == null || device == null || now.timer() != timestamp) {
            return; // a timer superseded by an earlier deadline and deleted too late to matter
        }
        Presence unarmed = now.withTimer(0L);
        long recheck = Math.max(now.deadline() + heldLag(wallClock), graceEnds);
        if (recheck > wallClock) {
            presence.update(armed(unarmed, ctx, recheck));
            return;
        }
        wentOffline(device, unarmed, out, ctx, false);
    }

    /**
     * How long past a deadline an OFFLINE judgement waits now for messages still queued in the input: the
     * input lag, at most {@code maxLagHold}. Logs when a notable hold starts and when it ends.
     */
    private long heldLag(long wallClock) {
        long lag = inputLag.millis(wallClock);
        long held = Math.min(lag, maxLagHoldMillis);
        boolean notable = held >= (holding ? NOTABLE_LAG_MILLIS / 2 : NOTABLE_LAG_MILLIS); // no flapping log
        if (notable != holding) {
            holding = notable;
            if (notable) {
                LOG.info("offline detector {}: input {} s behind: OFFLINE judgements held up to {} s past each"
                        + " deadline (offline.max-lag-hold {} s), until the messages still queued are read",
                        subtask, lag / 1000, held / 1000, maxLagHoldMillis / 1000);
            } else {
                LOG.info("offline detector {}: input caught up ({} ms behind): OFFLINE judgements no longer held",
                        subtask, lag);
            }
        }
        return held;
    }

    /**
     * Announces OFFLINE since the deadline that passed; {@code history} when found only on reading the next
     * message (its alarms are back-filled: the device is already back, no live SMS).
     */
    private Presence wentOffline(Device device, Presence now, Collector<DeviceStatus> out, Context ctx,
            boolean history) throws Exception {
        Presence offline = now.offline();
        presence.update(offline);
        out.collect(DeviceStatuses.of(device, DeviceStatus.Status.OFFLINE, offline.offlineSince(), now.reason()));
        ctx.output(OFFLINE_ALARMS, alarm(device, AlarmState.RAISED, offline.offlineSince(), offline.offlineSince(),
                history));
        LOG.debug("device {} OFFLINE since {}: {}", device.deviceId(), offline.offlineSince(), now.reason());
        return offline;
    }

    private void disconnected(Connectivity connectivity, long seen, Presence now, Context ctx) throws Exception {
        if (now.status() == Status.OFFLINE) {
            return;
        }
        long deadline = seen + disconnectGraceMillis;
        if (deadline < now.deadline()) {
            String reason = "gateway " + connectivity.gatewayId() + " lost the connection"
                    + (connectivity.reason().isEmpty() ? "" : ": " + connectivity.reason());
            presence.update(armed(now.with(now.status(), now.lastSeen(), deadline, reason), ctx));
        }
    }

    /** Makes sure a timer fires at or before the deadline: keeps an earlier one, else moves it earlier. */
    private Presence armed(Presence next, Context ctx) {
        return armed(next, ctx, next.deadline());
    }

    private Presence armed(Presence next, Context ctx, long at) {
        if (next.timer() != 0 && next.timer() <= at) {
            return next;
        }
        if (next.timer() != 0) {
            ctx.timerService().deleteProcessingTimeTimer(next.timer());
        }
        ctx.timerService().registerProcessingTimeTimer(at);
        return next.withTimer(at);
    }

    /** Fixes the end of the startup grace on the operator's first element or timer; returns the time. */
    private long started(long wallClock) {
        if (graceEnds < 0) {
            graceEnds = wallClock + restoreGraceMillis;
        }
        return wallClock;
    }

    private static long timeoutMillis(Device device) {
        return device.offlineTimeoutSeconds() * 1000L;
    }

    private static String silence(Device device) {
        return "no message for " + device.offlineTimeoutSeconds() + " s";
    }

    private static AlarmEvent alarm(Device device, AlarmState state, long since, long eventTime, boolean history) {
        double timeout = device.offlineTimeoutSeconds();
        return Alarms.of(device, state, AlarmType.OFFLINE, RULE, Alarms.Measure.of("s", 1, timeout, timeout),
                since, eventTime, history);
    }
}
