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
import dev.anjian.jobs.StateTtl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
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
 * lasting bit/ADAS/DSM episode by rule (removed when it ends). Track and episodes have a TTL of
 * {@link #TRACK_TTL} (a terminal silent that long is forgotten); a removed device drops all of it.
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
        StateTtlConfig ttl = StateTtl.of(TRACK_TTL);
        registered = getRuntimeContext().getState(new ValueStateDescriptor<>("device", Device.class));
        ValueStateDescriptor<VehicleTrack> trackState = new ValueStateDescriptor<>("vehicle-track", VehicleTrack.class);
        trackState.enableTimeToLive(ttl);
        track = getRuntimeContext().getState(trackState);
        MapStateDescriptor<String, Long> episodeState = new MapStateDescriptor<>("vehicle-episodes", String.class, Long.class);
        episodeState.enableTimeToLive(ttl);
        episodes = getRuntimeContext().getMapState(episodeState);
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
        track.update(after);
    }

    @Override
    public void processElement2(RegistryUpdate update, Context ctx, Collector<AlarmEvent> alarms) throws Exception {
        if (update.isRemoval() || update.device().kind() != DeviceKind.VEHICLE_TERMINAL) {
            registered.clear(); // removed, or no longer a vehicle terminal: nothing of it is kept
            track.clear();
            episodes.clear();
            return;
        }
        registered.update(update.device());
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
