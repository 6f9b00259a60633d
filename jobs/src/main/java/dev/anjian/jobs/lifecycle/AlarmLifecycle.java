package dev.anjian.jobs.lifecycle;

import dev.anjian.events.AlarmCommand;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmState;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.EventJson;
import dev.anjian.jobs.Alarms;
import dev.anjian.jobs.vehicle.VehicleRuleNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stage of every alarm, keyed by device id: the detectors' alarm events (1) pass through, and
 * operators' ACKNOWLEDGE / HANDLE commands from alarm-commands (2) become ACKNOWLEDGED / HANDLED events of
 * the episode, with operator and note. Commands are accepted for open episodes and for closed ones during
 * {@code closedRetention}; any other alarm id is dead-lettered with the reason. A repeated command is
 * idempotent (logged, nothing emitted). Episodes that only an acknowledgement ends
 * ({@link VehicleRuleNames#endsOnAcknowledge}, e.g. JT/T 808 SOS) are CLEARED right after it.
 *
 * <p>State: one {@link Episode} per known alarm id; a closed one is dropped by a processing-time timer
 * after {@code closedRetention}. An open one that nothing touched for {@code openRetention} (e.g. a
 * one-shot vehicle event nobody acknowledged) is CLEARED by a timer, note "no change for N days", then
 * kept as closed. No state TTL: it would drop an open episode silently, and alerting would keep it open.
 */
public final class AlarmLifecycle extends KeyedCoProcessFunction<String, AlarmEvent, AlarmCommand, AlarmEvent> {

    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("lifecycle-dead-letters", TypeInformation.of(DeadLetter.class));

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AlarmLifecycle.class);

    private final long closedRetentionMillis;
    private final long openRetentionMillis;
    private final String idleNote;

    private transient MapState<String, Episode> episodes;

    public AlarmLifecycle(Duration closedRetention, Duration openRetention) {
        this.closedRetentionMillis = closedRetention.toMillis();
        this.openRetentionMillis = openRetention.toMillis();
        this.idleNote = "no change for " + (openRetention.toHours() % 24 == 0 ? openRetention.toDays() + " days"
                : openRetention.toMinutes() + " min");
    }

    @Override
    public void open(OpenContext openContext) {
        episodes = getRuntimeContext().getMapState(new MapStateDescriptor<>("episodes", String.class, Episode.class));
    }

    @Override
    public void processElement1(AlarmEvent alarm, Context ctx, Collector<AlarmEvent> out) throws Exception {
        out.collect(alarm);
        Episode known = episodes.get(alarm.alarmId());
        switch (alarm.state()) {
            case RAISED, ESCALATED -> touched(known == null ? Episode.opened(alarm) : known.updated(alarm), ctx);
            case CLEARED -> close(known == null ? Episode.opened(alarm) : known, alarm, ctx);
            case ACKNOWLEDGED, HANDLED -> { } // only this stage emits those
        }
    }

    @Override
    public void processElement2(AlarmCommand command, Context ctx, Collector<AlarmEvent> out) throws Exception {
        if (command.type() == AlarmCommand.Type.SUPPRESS) {
            return; // the threshold detector's concern, routed there
        }
        Episode known = episodes.get(command.alarmId());
        if (known == null) {
            reject(command, "unknown alarm " + command.alarmId() + " of device " + command.deviceId()
                    + " (not open, not closed within the retention)", ctx);
            return;
        }
        boolean handle = command.type() == AlarmCommand.Type.HANDLE;
        if (handle ? known.handled() : known.acknowledged()) {
            LOG.info("alarm {} already {} : {} by {} ignored", command.alarmId(), handle ? "handled" : "acknowledged",
                    command.type(), command.operator());
            return;
        }
        AlarmState state = handle ? AlarmState.HANDLED : AlarmState.ACKNOWLEDGED;
        AlarmEvent answered = Alarms.withState(known.last(), state, command.issuedAt(), command.operator(),
                command.note());
        out.collect(answered);
        Episode after = known.acknowledgedBy(true, handle);
        if (after.open() && VehicleRuleNames.endsOnAcknowledge(known.last().rule())) {
            AlarmEvent cleared = Alarms.withState(known.last(), AlarmState.CLEARED, command.issuedAt(),
                    command.operator(), command.note());
            out.collect(cleared);
            close(after, cleared, ctx);
        } else {
            touched(after, ctx);
        }
        LOG.info("alarm {} of device {} {} by {}", command.alarmId(), command.deviceId(), state, command.operator());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlarmEvent> out) throws Exception {
        List<String> forgotten = new ArrayList<>();
        List<Episode> idle = new ArrayList<>();
        for (Map.Entry<String, Episode> entry : episodes.entries()) {
            Episode episode = entry.getValue();
            if (episode.forgetAt() == 0 || episode.forgetAt() > timestamp) {
                continue;
            }
            if (episode.open()) {
                idle.add(episode);
            } else {
                forgotten.add(entry.getKey());
            }
        }
        for (String alarmId : forgotten) {
            episodes.remove(alarmId);
        }
        for (Episode episode : idle) {
            AlarmEvent cleared = Alarms.withState(episode.last(), AlarmState.CLEARED, timestamp, null, idleNote);
            out.collect(cleared);
            close(episode, cleared, ctx);
            LOG.info("alarm {} of device {} CLEARED: {}", cleared.alarmId(), cleared.deviceId(), idleNote);
        }
    }

    /** Stores an episode; an open one is CLEARED if nothing touches it again within the open retention. */
    private void touched(Episode episode, Context ctx) throws Exception {
        if (!episode.open()) {
            episodes.put(episode.last().alarmId(), episode);
            return;
        }
        long idleAt = ctx.timerService().currentProcessingTime() + openRetentionMillis;
        episodes.put(episode.last().alarmId(), episode.idleUntil(idleAt));
        ctx.timerService().registerProcessingTimeTimer(idleAt);
        disarm(episode.forgetAt(), ctx);
    }

    private void close(Episode episode, AlarmEvent cleared, Context ctx) throws Exception {
        long forgetAt = ctx.timerService().currentProcessingTime() + closedRetentionMillis;
        episodes.put(cleared.alarmId(), episode.closed(cleared, forgetAt));
        ctx.timerService().registerProcessingTimeTimer(forgetAt);
        if (episode.open()) {
            disarm(episode.forgetAt(), ctx);
        }
    }

    /** Deletes the timer at {@code at} unless another episode of the device still needs it (timers are per key). */
    private void disarm(long at, Context ctx) throws Exception {
        if (at == 0) {
            return;
        }
        for (Episode other : episodes.values()) {
            if (other.forgetAt() == at) {
                return;
            }
        }
        ctx.timerService().deleteProcessingTimeTimer(at);
    }

    private static void reject(AlarmCommand command, String reason, Context ctx) {
        LOG.warn("{} {} by {} dead-lettered: {}", command.type(), command.alarmId(), command.operator(), reason);
        ctx.output(DEAD_LETTERS, DeadLetter.of("jobs", "alarm-commands", reason, EventJson.write(command),
                command.issuedAt()));
    }
}
