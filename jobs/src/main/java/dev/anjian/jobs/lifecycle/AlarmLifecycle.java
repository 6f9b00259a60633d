package dev.anjian.jobs.lifecycle;

import dev.anjian.events.AlarmCommand;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmState;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.EventJson;
import dev.anjian.jobs.Alarms;
import dev.anjian.jobs.StateTtl;
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
 * after {@code closedRetention}, an open one that nothing touched for {@code openRetention} by its TTL.
 */
public final class AlarmLifecycle extends KeyedCoProcessFunction<String, AlarmEvent, AlarmCommand, AlarmEvent> {

    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("lifecycle-dead-letters", TypeInformation.of(DeadLetter.class));

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AlarmLifecycle.class);

    private final long closedRetentionMillis;
    private final Duration openRetention;

    private transient MapState<String, Episode> episodes;

    public AlarmLifecycle(Duration closedRetention, Duration openRetention) {
        this.closedRetentionMillis = closedRetention.toMillis();
        this.openRetention = openRetention;
    }

    @Override
    public void open(OpenContext openContext) {
        MapStateDescriptor<String, Episode> descriptor =
                new MapStateDescriptor<>("episodes", String.class, Episode.class);
        descriptor.enableTimeToLive(StateTtl.of(openRetention));
        episodes = getRuntimeContext().getMapState(descriptor);
    }

    @Override
    public void processElement1(AlarmEvent alarm, Context ctx, Collector<AlarmEvent> out) throws Exception {
        out.collect(alarm);
        Episode known = episodes.get(alarm.alarmId());
        switch (alarm.state()) {
            case RAISED -> episodes.put(alarm.alarmId(), known == null ? Episode.opened(alarm) : known.updated(alarm));
            case ESCALATED -> episodes.put(alarm.alarmId(), known == null ? Episode.opened(alarm) : known.updated(alarm));
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
            episodes.put(command.alarmId(), after);
        }
        LOG.info("alarm {} of device {} {} by {}", command.alarmId(), command.deviceId(), state, command.operator());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlarmEvent> out) throws Exception {
        List<String> forgotten = new ArrayList<>();
        for (Map.Entry<String, Episode> entry : episodes.entries()) {
            Episode episode = entry.getValue();
            if (!episode.open() && episode.forgetAt() <= timestamp) {
                forgotten.add(entry.getKey());
            }
        }
        for (String alarmId : forgotten) {
            episodes.remove(alarmId);
        }
    }

    private void close(Episode episode, AlarmEvent cleared, Context ctx) throws Exception {
        long forgetAt = ctx.timerService().currentProcessingTime() + closedRetentionMillis;
        episodes.put(cleared.alarmId(), episode.closed(cleared, forgetAt));
        ctx.timerService().registerProcessingTimeTimer(forgetAt);
    }

    private static void reject(AlarmCommand command, String reason, Context ctx) {
        LOG.warn("{} {} by {} dead-lettered: {}", command.type(), command.alarmId(), command.operator(), reason);
        ctx.output(DEAD_LETTERS, DeadLetter.of("jobs", "alarm-commands", reason, EventJson.write(command),
                command.issuedAt()));
    }
}
