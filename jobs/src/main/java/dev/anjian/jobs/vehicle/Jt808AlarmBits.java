package dev.anjian.jobs.vehicle;

import java.util.Set;

/**
 * JT/T 808 alarm DWORD bits (table 24; bits 15-17 as defined in 2019) and JT/T 1078 video alarm bits
 * (item 0x14), with how each ends: level-held (L, ends when the terminal clears the bit) or
 * acknowledge-cleared (A, ends when the platform acknowledges it). Rule names: {@code jt808:<name>},
 * {@code jt1078:<name>}. Codec-like tables mirror the spec, one line per bit.
 */
final class Jt808AlarmBits {

    private static final String[] ALARM = {
        "sos", "overspeed", "fatigue-driving", "danger-warning",                         // 0-3
        "gnss-fault", "gnss-antenna-cut", "gnss-antenna-short", "power-undervoltage",    // 4-7
        "power-off", "lcd-fault", "tts-fault", "camera-fault", "ic-card-fault",          // 8-12
        "overspeed-warning", "fatigue-warning",                                          // 13-14
        "illegal-period-driving", "tyre-pressure-warning", "right-turn-blind-zone",      // 15-17 (2019)
        "daily-driving-exceeded", "overtime-parking", "area-in-out", "route-in-out",     // 18-21
        "section-time", "route-deviation", "vss-fault", "fuel-abnormal", "stolen",       // 22-26
        "illegal-ignition", "illegal-displacement", "collision-warning",                 // 27-29
        "rollover-warning", "illegal-door-open",                                         // 30-31
    };
    /** Table 24's acknowledge-cleared (A) bits: 0, 3, 20, 21, 22, 27, 28, 31. */
    private static final long ALARM_ACK_CLEARED = bits(0, 3, 20, 21, 22, 27, 28, 31);

    /** JT/T 1078 table 14 bits 2-6; bits 0 and 1 (loss, occlusion) are reported per channel (0x15, 0x16). */
    private static final String[] VIDEO = {
        null, null, "storage-fault", "other-video-fault", "bus-overcrowding", "abnormal-driving",
        "special-recording-full",
    };
    private static final long VIDEO_ACK_CLEARED = bits(6);

    private static final Set<String> ACK_CLEARED_RULES = ackClearedRules();

    private Jt808AlarmBits() {
    }

    static String alarmRule(int bit) {
        return "jt808:" + ALARM[bit];
    }

    static boolean alarmLevelHeld(int bit) {
        return (ALARM_ACK_CLEARED & (1L << bit)) == 0;
    }

    /** The video bit's rule, or null for bits without one (0, 1, reserved 7-31). */
    static String videoRule(int bit) {
        return bit < VIDEO.length && VIDEO[bit] != null ? "jt1078:" + VIDEO[bit] : null;
    }

    static boolean videoLevelHeld(int bit) {
        return (VIDEO_ACK_CLEARED & (1L << bit)) == 0;
    }

    /** Whether an episode of {@code rule} ends when an operator acknowledges it (nothing else ends it). */
    static boolean endsOnAcknowledge(String rule) {
        return ACK_CLEARED_RULES.contains(rule) || rule.startsWith(ActiveSafetyRules.MOMENTARY_PREFIX_ADAS)
                || rule.startsWith(ActiveSafetyRules.MOMENTARY_PREFIX_DSM);
    }

    private static Set<String> ackClearedRules() {
        java.util.HashSet<String> rules = new java.util.HashSet<>();
        for (int bit = 0; bit < 32; bit++) {
            if (!alarmLevelHeld(bit)) {
                rules.add(alarmRule(bit));
            }
            if (videoRule(bit) != null && !videoLevelHeld(bit)) {
                rules.add(videoRule(bit));
            }
        }
        return Set.copyOf(rules);
    }

    private static long bits(int... positions) {
        long mask = 0;
        for (int position : positions) {
            mask |= 1L << position;
        }
        return mask;
    }
}
