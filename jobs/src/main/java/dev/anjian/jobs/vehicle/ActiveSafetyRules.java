package dev.anjian.jobs.vehicle;

import dev.anjian.events.ActiveSafetyEvent;
import java.util.List;

/**
 * Su-biao (T/JSATL 12-2017) ADAS and DSM alarms as edges: flag START rises and END falls a lasting episode
 * {@code adas:<type>} / {@code dsm:<type>}; an alarm without a flag is momentary, {@code adas-event:<type>},
 * ended by acknowledgement. Types 0x10 and above (sign recognition, captures, driver change) are events,
 * not alarms, and are not announced. Example: DSM type 0x02 START level 2 rises {@code dsm:phone-call}.
 */
final class ActiveSafetyRules {

    static final String MOMENTARY_PREFIX_ADAS = "adas-event:";
    static final String MOMENTARY_PREFIX_DSM = "dsm-event:";

    private static final String[] ADAS = {
        null, "forward-collision", "lane-departure", "headway", "pedestrian-collision", "frequent-lane-change",
        "sign-over-limit", "obstacle",
    };
    private static final String[] DSM = {
        null, "fatigue", "phone-call", "smoking", "distraction", "driver-abnormal",
    };

    private ActiveSafetyRules() {
    }

    static void edges(List<ActiveSafetyEvent> events, List<Edge> edges) {
        for (ActiveSafetyEvent event : events) {
            String name = name(event);
            if (name == null) {
                continue;
            }
            boolean adas = event.system() == ActiveSafetyEvent.System.ADAS;
            int level = Math.max(1, event.level());
            switch (event.flag()) {
                case START -> edges.add(Edge.rise((adas ? "adas:" : "dsm:") + name, true, level));
                case END -> edges.add(Edge.fall((adas ? "adas:" : "dsm:") + name, level));
                case NONE -> edges.add(Edge.rise((adas ? MOMENTARY_PREFIX_ADAS : MOMENTARY_PREFIX_DSM) + name, false,
                        level));
            }
        }
    }

    private static String name(ActiveSafetyEvent event) {
        String[] names = event.system() == ActiveSafetyEvent.System.ADAS ? ADAS : DSM;
        int type = event.type();
        if (type >= 0x10 || type <= 0) {
            return null;
        }
        return type < names.length ? names[type] : String.format("type-0x%02x", type);
    }
}
