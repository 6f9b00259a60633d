package dev.anjian.storage.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alarm episodes from their {@code alarm} points (one per state change, same {@code alarm_id}): the first
 * RAISED, the first ACKNOWLEDGED and HANDLED with their operator, the last CLEARED, the highest level. Only
 * episodes raised within {@code [from, to)} are listed; later state changes still count (an alarm raised on
 * the last day and acknowledged the next morning shows who acknowledged it).
 */
public final class AlarmHandling {

    /** One alarm point. */
    public record AlarmPoint(Instant time, String alarmId, String device, String enterprise, String type,
            String rule, int level, String state, String operator) {
    }

    private AlarmHandling() {
    }

    public static List<AlarmRecord> of(List<AlarmPoint> points, Instant from, Instant to) {
        Map<String, List<AlarmPoint>> byAlarm = new LinkedHashMap<>();
        points.stream().sorted(Comparator.comparing(AlarmPoint::time))
                .forEach(p -> byAlarm.computeIfAbsent(p.alarmId(), id -> new ArrayList<>()).add(p));
        List<AlarmRecord> records = new ArrayList<>();
        for (List<AlarmPoint> changes : byAlarm.values()) {
            AlarmPoint raised = first(changes, "RAISED");
            if (raised == null || raised.time().isBefore(from) || !raised.time().isBefore(to)) {
                continue;
            }
            AlarmPoint acknowledged = first(changes, "ACKNOWLEDGED");
            AlarmPoint handled = first(changes, "HANDLED");
            AlarmPoint cleared = changes.stream().filter(p -> p.state().equals("CLEARED")).reduce((a, b) -> b).orElse(null);
            int maxLevel = changes.stream().mapToInt(AlarmPoint::level).max().orElse(raised.level());
            records.add(new AlarmRecord(raised.alarmId(), raised.device(), raised.enterprise(), raised.type(),
                    raised.rule(), maxLevel, raised.time(),
                    acknowledged == null ? null : acknowledged.time(), acknowledged == null ? null : acknowledged.operator(),
                    cleared == null ? null : cleared.time(),
                    handled == null ? null : handled.time(), handled == null ? null : handled.operator()));
        }
        records.sort(Comparator.comparing(AlarmRecord::raisedAt));
        return records;
    }

    private static AlarmPoint first(List<AlarmPoint> changes, String state) {
        return changes.stream().filter(p -> p.state().equals(state)).findFirst().orElse(null);
    }
}
