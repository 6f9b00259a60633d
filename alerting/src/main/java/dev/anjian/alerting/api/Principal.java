package dev.anjian.alerting.api;

import dev.anjian.events.AlarmEvent;
import java.util.List;

/**
 * Who is calling the alarm API, from their token: a monitoring CENTRE (every alarm, or those of its
 * regions: {@code 410000} covers every region code starting {@code 41}) or an ENTERPRISE (its own alarms
 * only).
 */
public record Principal(String name, Role role, String enterpriseId, List<String> regions) {

    public enum Role { CENTRE, ENTERPRISE }

    public Principal {
        regions = List.copyOf(regions);
    }

    public boolean maySee(AlarmEvent alarm) {
        return switch (role) {
            case ENTERPRISE -> alarm.enterpriseId().equals(enterpriseId);
            case CENTRE -> regions.isEmpty() || regions.stream().anyMatch(r -> alarm.regionCode().startsWith(significant(r)));
        };
    }

    /** {@code 410400 -> 4104}: trailing "00" pairs mean every sub-region. */
    static String significant(String region) {
        String s = region;
        while (s.length() > 2 && s.endsWith("00")) {
            s = s.substring(0, s.length() - 2);
        }
        return s;
    }
}
