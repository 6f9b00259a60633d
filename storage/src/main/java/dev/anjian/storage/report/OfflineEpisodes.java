package dev.anjian.storage.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Offline episodes from one device's status points in time order: an episode starts at an OFFLINE point
 * (or at the range start when the device was already offline, {@code offlineAtStart}) and ends at the next
 * ONLINE point; repeated OFFLINE points do not start a new one. Example: offline at start, ONLINE 02:00,
 * OFFLINE 05:00 -> [start, 02:00) and [05:00, still offline).
 */
public final class OfflineEpisodes {

    /** One device_status point: {@code online} 1 or 0. */
    public record StatusPoint(Instant time, boolean online, String reason) {
    }

    private OfflineEpisodes() {
    }

    public static List<OfflineEpisode> of(String device, String enterprise, List<StatusPoint> points,
            Instant rangeStart, StatusPoint before) {
        List<OfflineEpisode> episodes = new ArrayList<>();
        Instant since = null;
        String reason = "";
        if (before != null && !before.online()) {
            since = rangeStart;
            reason = before.reason();
        }
        List<StatusPoint> ordered = points.stream().sorted(Comparator.comparing(StatusPoint::time)).toList();
        for (StatusPoint point : ordered) {
            if (!point.online() && since == null) {
                since = point.time();
                reason = point.reason();
            } else if (point.online() && since != null) {
                episodes.add(new OfflineEpisode(device, enterprise, since, point.time(), reason));
                since = null;
            }
        }
        if (since != null) {
            episodes.add(new OfflineEpisode(device, enterprise, since, null, reason));
        }
        return episodes;
    }
}
