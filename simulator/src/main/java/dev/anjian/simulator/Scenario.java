package dev.anjian.simulator;

import dev.anjian.events.Device;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.Direction;
import dev.anjian.events.Industry;
import dev.anjian.events.MetricSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The demo's incidents on the scenario clock (wall time x time scale), each at a device picked from the
 * registry; at time scale 1 all of it happens within about 3 minutes:
 * <pre>
 *  +15 s  ammonia leak at the first AMMONIA_SENSOR of an AMMONIA_REFRIGERATION enterprise (85 s)
 *  +30 s  methane spike flapping around level 1 at the first coal-mine GAS_SENSOR measuring CH4 (55 s)
 *  +60 s  sensor silence at the last METALLURGY CO_SENSOR, else the last unused sensor (90 s)
 * +100 s  calibration of the first HAZARDOUS_CHEMICALS GAS_SENSOR, else any other GAS_SENSOR (30 s)
 * </pre>
 * A registry without a fitting device simply lacks that incident. Each device has at most one incident.
 */
public final class Scenario {

    public static final Duration AMMONIA_LEAK_START = Duration.ofSeconds(15);
    public static final Duration METHANE_SPIKE_START = Duration.ofSeconds(30);
    public static final Duration SILENCE_START = Duration.ofSeconds(60);
    public static final Duration CALIBRATION_START = Duration.ofSeconds(100);

    private final List<Incident> incidents;
    private final Map<String, Incident> byDevice;

    private Scenario(List<Incident> incidents) {
        this.incidents = List.copyOf(incidents);
        this.byDevice = incidents.stream().collect(Collectors.toMap(i -> i.device().deviceId(), Function.identity()));
    }

    /** The demo scenario over {@code devices} (vehicle terminals are ignored). */
    public static Scenario forDevices(List<Device> devices) {
        List<Device> sensors = devices.stream().filter(d -> d.kind() != DeviceKind.VEHICLE_TERMINAL).toList();
        Set<String> used = new HashSet<>();
        List<Incident> incidents = new ArrayList<>();
        pick(sensors, used, false, d -> d.kind() == DeviceKind.AMMONIA_SENSOR && d.industry() == Industry.AMMONIA_REFRIGERATION,
                m -> m.direction() == Direction.HIGH)
                .ifPresent(p -> incidents.add(new AmmoniaLeak(p.device(), p.metric(), AMMONIA_LEAK_START)));
        pick(sensors, used, false, d -> d.kind() == DeviceKind.GAS_SENSOR && d.industry() == Industry.COAL_MINE,
                m -> m.metric().equals("CH4") && m.direction() == Direction.HIGH)
                .ifPresent(p -> incidents.add(new MethaneFlapping(p.device(), p.metric(), METHANE_SPIKE_START)));
        pick(sensors, used, false, d -> d.kind() == DeviceKind.GAS_SENSOR && d.industry() == Industry.HAZARDOUS_CHEMICALS,
                m -> true)
                .or(() -> pick(sensors, used, false, d -> d.kind() == DeviceKind.GAS_SENSOR, m -> true))
                .ifPresent(p -> incidents.add(new CalibrationRun(p.device(), p.metric(), CALIBRATION_START)));
        // Silence last: its fallback takes any sensor, so it must not take the calibration's gas sensor.
        pick(sensors, used, true, d -> d.kind() == DeviceKind.CO_SENSOR && d.industry() == Industry.METALLURGY, m -> true)
                .or(() -> pick(sensors, used, true, d -> true, m -> true))
                .ifPresent(p -> incidents.add(new SensorSilence(p.device(), SILENCE_START)));
        incidents.sort(Comparator.comparing(Incident::start));
        return new Scenario(incidents);
    }

    /** No incidents: every sensor reports normal values. */
    public static Scenario quiet() {
        return new Scenario(List.of());
    }

    List<Incident> incidents() {
        return incidents;
    }

    Optional<Incident> incidentAt(String deviceId) {
        return Optional.ofNullable(byDevice.get(deviceId));
    }

    /** When the last incident is over. */
    public Duration length() {
        return incidents.stream().map(Incident::end).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** One line per incident, for the start-up log: "+15 s ammonia leak at HN-ZZ-RF01-NH3-MR (氨制冷机房)". */
    public List<String> plan() {
        return incidents.stream().map(i -> "+" + i.start().toSeconds() + " s " + i.name() + " at " + i.device().deviceId()
                + " (" + i.device().location() + "), " + i.end().minus(i.start()).toSeconds() + " s").toList();
    }

    private record Pick(Device device, MetricSpec metric) {
    }

    /** The first (or last) unused device matching, with its first matching metric; marks it used. */
    private static Optional<Pick> pick(List<Device> sensors, Set<String> used, boolean last, Predicate<Device> device,
                                       Predicate<MetricSpec> metric) {
        List<Device> order = new ArrayList<>(sensors);
        if (last) {
            Collections.reverse(order);
        }
        for (Device candidate : order) {
            Optional<MetricSpec> match = candidate.metrics().stream().filter(metric).findFirst();
            if (!used.contains(candidate.deviceId()) && device.test(candidate) && match.isPresent()) {
                used.add(candidate.deviceId());
                return Optional.of(new Pick(candidate, match.get()));
            }
        }
        return Optional.empty();
    }
}
