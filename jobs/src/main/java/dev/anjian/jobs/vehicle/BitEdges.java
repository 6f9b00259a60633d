package dev.anjian.jobs.vehicle;

import dev.anjian.events.VehicleLocation;
import java.util.List;

/**
 * The edges between two reports' bit masks: JT/T 808 alarm bits, JT/T 1078 video alarm bits, and the
 * per-channel video loss (0x15) and occlusion (0x16) masks, rules {@code jt1078:video-loss:ch<n>} and
 * {@code jt1078:occlusion:ch<n>} (channel n = bit n-1). A terminal that sets video bit 0 or 1 without the
 * channel mask gets channel {@code ch?}. Acknowledge-cleared bits only rise: their falling is no news.
 */
final class BitEdges {

    /** A pseudo channel bit beyond the 32 of the masks: "some channel", when the mask is missing. */
    private static final int UNKNOWN_CHANNEL = 32;

    private BitEdges() {
    }

    static void between(VehicleTrack before, VehicleLocation now, List<Edge> edges) {
        long alarmChanged = before.alarmBits() ^ now.alarmBits();
        for (int bit = 0; alarmChanged != 0 && bit < 32; bit++) {
            if ((alarmChanged & (1L << bit)) != 0) {
                add(edges, Jt808AlarmBits.alarmRule(bit), (now.alarmBits() & (1L << bit)) != 0,
                        Jt808AlarmBits.alarmLevelHeld(bit));
            }
        }
        long videoChanged = before.videoAlarmBits() ^ now.videoAlarmBits();
        for (int bit = 2; videoChanged != 0 && bit < 32; bit++) {
            String rule = Jt808AlarmBits.videoRule(bit);
            if (rule != null && (videoChanged & (1L << bit)) != 0) {
                add(edges, rule, (now.videoAlarmBits() & (1L << bit)) != 0, Jt808AlarmBits.videoLevelHeld(bit));
            }
        }
        channels(edges, "jt1078:video-loss:", before.videoLoss(), videoLoss(now));
        channels(edges, "jt1078:occlusion:", before.videoOcclusion(), videoOcclusion(now));
    }

    static long videoLoss(VehicleLocation now) {
        return withUnknownChannel(now.videoLossChannels(), (now.videoAlarmBits() & 1L) != 0);
    }

    static long videoOcclusion(VehicleLocation now) {
        return withUnknownChannel(now.videoOcclusionChannels(), (now.videoAlarmBits() & 2L) != 0);
    }

    private static long withUnknownChannel(long channels, boolean flagged) {
        long known = channels & 0xFFFF_FFFFL;
        return known == 0 && flagged ? 1L << UNKNOWN_CHANNEL : known;
    }

    private static void channels(List<Edge> edges, String prefix, long before, long now) {
        long changed = before ^ now;
        for (int bit = 0; changed != 0 && bit <= UNKNOWN_CHANNEL; bit++) {
            if ((changed & (1L << bit)) != 0) {
                String channel = bit == UNKNOWN_CHANNEL ? "ch?" : "ch" + (bit + 1);
                add(edges, prefix + channel, (now & (1L << bit)) != 0, true);
            }
        }
    }

    private static void add(List<Edge> edges, String rule, boolean set, boolean levelHeld) {
        if (set) {
            edges.add(Edge.rise(rule, levelHeld, 1));
        } else if (levelHeld) {
            edges.add(Edge.fall(rule, 1));
        }
    }
}
