package dev.anjian.jobs.vehicle;

import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmState;
import dev.anjian.events.AlarmType;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.VehicleLocation;
import dev.anjian.jobs.Alarms;
import dev.anjian.jobs.Alarms.Measure;
import dev.anjian.jobs.Lateness;
import dev.anjian.jobs.RegistryUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * VEHICLE alarm episodes per JT/T 808 terminal, keyed by device id: vehicle locations (1), registry
 * updates (2). Per report: alarm and video bit edges ({@link BitEdges}), Su-biao ADAS/DSM start/end
 * ({@link ActiveSafetyRules}), then overspeed, fatigue and night driving ({@link DrivingRules}).
 *
 * <p>Reports are evaluated in event-time order: a report older than the newest one evaluated (a blind-area
 * re-send that arrives after live data) is stored but not evaluated, since it would rewind bit edges and
 * driving time; counted in {@code outOfOrderReports}. Alarms from late or back-filled reports that are
 * evaluated are marked back-filled.
 *
 * <p>State: the registration of a vehicle terminal; a {@link VehicleTrack}; the start of every open
 * lasting bit/ADAS/DSM episode by rule (removed when it ends). No state TTL: track and episodes hold open
 * episodes, which a TTL would drop without a CLEARED (a ghost alarm in alerting, and a second RAISED with a
 * new id on the next report). Instead a terminal silent for {@link #TRACK_TTL} (processing time) is
 * forgotten by a timer that first CLEARs its open episodes; a removed device, or one that is no longer a
 * vehicle terminal, has them CLEARED likewise before its state is dropped.
 */
public final class VehicleRules extends KeyedCoProcessFunction<String, DeviceEvent, RegistryUpdate, AlarmEvent> {

    static final Duration TRACK_TTL = Duration.ofDays(7);

    private static final long serialVersionUID = 1L;

    private final Lateness lateness;
    private final VehicleRuleSettings settings;

    private transient ValueState<Device> registered;
    private transient ValueState<VehicleTrack> track;
    private transient MapState<String, Long> episodes;
    private transient Counter outOfOrder;

    public VehicleRules(Lateness lateness, VehicleRuleSettings settings) {
        this.lateness = lateness;
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        registered = getRuntimeContext().getState(new ValueStateDescriptor<>("device", Device.class));
        track = getRuntimeContext().getState(new ValueStateDescriptor<>("vehicle-track", VehicleTrack.class));
        episodes = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("vehicle-episodes", String.class, Long.class));
        outOfOrder = getRuntimeContext().getMetricGroup().counter("outOfOrderReports");
    }

    @Override
    public void processElement1(DeviceEvent event, Context ctx, Collector<AlarmEvent> alarms) throws Exception {
        Device device = registered.value();
        if (device == null || event.type() != DeviceEvent.Type.VEHICLE_LOCATION) {
            return;
        }
        VehicleTrack before = track.value() == null ? VehicleTrack.NONE : track.value();
        if (event.eventTime() < before.lastEventTime()) {
            outOfOrder.inc();
            return;
        }
        VehicleLocation location = event.location();
        boolean late = lateness.isLate(event);
        List<Edge> edges = new ArrayList<>(2);
        BitEdges.between(before, location, edges);
        ActiveSafetyRules.edges(location.activeSafety(), edges);
        for (Edge edge : edges) {
            applyEdge(device, edge, location, event.eventTime(), late, alarms);
        }
        List<DrivingRules.Change> changes = new ArrayList<>(1);
        VehicleTrack after = DrivingRules.evaluate(before, device.vehicle(), location.speedKmh(), event.eventTime(),
                settings, changes).withBits(event.eventTime(), location.alarmBits(), location.videoAlarmBits(),
                BitEdges.videoLoss(location), BitEdges.videoOcclusion(location));
        for (DrivingRules.Change change : changes) {
            alarms.collect(Alarms.of(device, change.state(), AlarmType.VEHICLE, change.rule(), change.measure(),
                    change.episodeStart(), event.eventTime(), late));
        }
        track.update(watchSilence(after, ctx));
    }

    @Override
    public void processElement2(RegistryUpdate update, Context ctx, Collector<AlarmEvent> alarms) throws Exception {
        if (update.isRemoval() || update.device().kind() != DeviceKind.VEHICLE_TERMINAL) {
            Device gone = registered.value(); // removed, or no longer a vehicle terminal: nothing of it is kept
            if (gone != null) {
                endOpenEpisodes(gone, ctx.timerService().currentProcessingTime(),
                        update.isRemoval() ? Alarms.DEVICE_REMOVED : "device is no longer a vehicle terminal", alarms);
            }
            VehicleTrack last = track.value();
            if (last != null && last.silenceTimer() != 0) {
                ctx.timerService().deleteProcessingTimeTimer(last.silenceTimer());
            }
            forget();
            registered.clear();
            return;
        }
        registered.update(update.device());
    }

    /** The silence timer: re-armed if a report came since it was set, else the terminal is forgotten. */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlarmEvent> alarms) throws Exception {
        VehicleTrack last = track.value();
        if (last == null || last.silenceTimer() != timestamp) {
            return; // deleted too late to matter
        }
        long silentAt = last.reportedAt() + TRACK_TTL.toMillis();
        if (silentAt > timestamp) {
            ctx.timerService().registerProcessingTimeTimer(silentAt);
            track.update(last.withSilence(last.reportedAt(), silentAt));
            return;
        }
        Device device = registered.value();
        if (device != null) {
            endOpenEpisodes(device, timestamp, "no report for " + TRACK_TTL.toDays() + " days", alarms);
        }
        forget();
    }

    /** Notes the report's processing time; one timer per terminal, moved lazily when it fires. */
    private VehicleTrack watchSilence(VehicleTrack after, Context ctx) {
        long now = ctx.timerService().currentProcessingTime();
        long timer = after.silenceTimer();
        if (timer == 0) {
            timer = now + TRACK_TTL.toMillis();
            ctx.timerService().registerProcessingTimeTimer(timer);
        }
        return after.withSilence(now, timer);
    }

    /** CLEARs every open episode, with the same ids as their RAISED. */
    private void endOpenEpisodes(Device device, long now, String why, Collector<AlarmEvent> alarms) throws Exception {
        Measure measure = Measure.of("km/h", 1, 0.0, 0.0);
        for (var open : episodes.entries()) {
            alarms.collect(Alarms.ended(device, AlarmType.VEHICLE, open.getKey(), measure, open.getValue(), now, why));
        }
        VehicleTrack last = track.value();
        if (last != null) {
            endIfOpen(device, DrivingRules.OVERSPEED, last.overspeedStart(), now, why, alarms);
            endIfOpen(device, DrivingRules.FATIGUE, last.fatigueStart(), now, why, alarms);
            endIfOpen(device, DrivingRules.NIGHT, last.nightStart(), now, why, alarms);
        }
    }

    private static void endIfOpen(Device device, String rule, long start, long now, String why,
            Collector<AlarmEvent> alarms) {
        if (start != 0) {
            alarms.collect(Alarms.ended(device, AlarmType.VEHICLE, rule, Measure.of("km/h", 1, 0.0, 0.0), start, now,
                    why));
        }
    }

    private void forget() {
        track.clear();
        episodes.clear();
    }

    private void applyEdge(Device device, Edge edge, VehicleLocation location, long time, boolean late,
            Collector<AlarmEvent> alarms) throws Exception {
        Measure measure = Measure.of("km/h", edge.level(), location.speedKmh(), 0.0);
        if (edge.rising()) {
            if (edge.lasting()) {
                if (episodes.contains(edge.rule())) {
                    return; // a repeated START of an open episode
                }
                episodes.put(edge.rule(), time);
            }
            alarms.collect(Alarms.of(device, AlarmState.RAISED, AlarmType.VEHICLE, edge.rule(), measure, time, time, late));
            return;
        }
        Long start = episodes.get(edge.rule());
        if (start != null) { // an END without a START is no news
            episodes.remove(edge.rule());
            alarms.collect(Alarms.of(device, AlarmState.CLEARED, AlarmType.VEHICLE, edge.rule(), measure, start, time,
                    late));
        }
    }
}
