package dev.anjian.storage.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.storage.report.AlarmHandling.AlarmPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmHandlingTest {

    private static final Instant FROM = Instant.parse("2025-06-09T16:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofDays(1));

    @Test
    void whoAcknowledgedHowSoonWhoHandledAndWhatIsUnhandled() {
        List<AlarmRecord> alarms = AlarmHandling.of(List.of(
                point("A2", 15 * 3600, 1, "RAISED", null),
                point("A1", 9 * 3600 + 270, 2, "ACKNOWLEDGED", "li.si"),
                point("A1", 9 * 3600, 1, "RAISED", null),
                point("A1", 9 * 3600 + 60, 2, "ESCALATED", null),
                point("A1", 9 * 3600 + 1800, 2, "CLEARED", null),
                point("A1", 32 * 3600, 2, "HANDLED", "wang.wu"),
                point("A0", -3600, 1, "RAISED", null)), FROM, TO);

        assertThat(alarms).extracting(AlarmRecord::alarmId).containsExactly("A1", "A2");
        AlarmRecord first = alarms.get(0);
        assertThat(first.maxLevel()).isEqualTo(2);
        assertThat(first.acknowledgedBy()).isEqualTo("li.si");
        assertThat(first.timeToAcknowledge()).isEqualTo(Duration.ofSeconds(270));
        assertThat(first.handledBy()).as("handled the next day, still listed").isEqualTo("wang.wu");
        assertThat(first.clearedAt()).isEqualTo(FROM.plusSeconds(9 * 3600 + 1800));
        assertThat(alarms.get(1).handled()).isFalse();
        assertThat(alarms.get(1).timeToAcknowledge()).isNull();
    }

    private static AlarmPoint point(String id, int second, int level, String state, String operator) {
        return new AlarmPoint(FROM.plusSeconds(second), id, "DG-1", "E1", "VEHICLE", "jt808:overspeed", level, state,
                operator);
    }
}
