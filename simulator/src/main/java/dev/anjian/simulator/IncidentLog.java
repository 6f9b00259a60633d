package dev.anjian.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells which incident phases began since the last call, so the runner logs each phase change once as it
 * happens ("ammonia leak at HN-ZZ-RF01-NH3-MR: leak begins: NH3 rising past level 1 (25 ppm)").
 */
final class IncidentLog {

    private final List<Incident> incidents;
    private final Map<Incident, Integer> lastPhase = new HashMap<>();

    IncidentLog(List<Incident> incidents) {
        this.incidents = List.copyOf(incidents);
    }

    List<String> changesAt(Duration elapsed) {
        List<String> changes = new ArrayList<>();
        for (Incident incident : incidents) {
            Phases.Phase phase = incident.phaseAt(elapsed);
            Integer previous = lastPhase.put(incident, phase.number());
            if (phase.number() != (previous == null ? 0 : previous)) {
                changes.add(incident.name() + " at " + incident.device().deviceId() + ": " + phase.description());
            }
        }
        return changes;
    }
}
