package dev.anjian.storage.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.anjian.storage.report.OfflineEpisodes.StatusPoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineEpisodesTest {

    private static final Instant START = Instant.parse("2025-06-09T16:00:00Z"); // 2025-06-10 00:00 GMT+8

    @Test
    void offlineAtTheStartOnlineAndOfflineAgainMakesTwoEpisodesTheLastStillOpen() {
        List<OfflineEpisode> episodes = OfflineEpisodes.of("DG-1", "E1", List.of(
                online(2 * 3600), offline(5 * 3600, "no message for 180 s"), offline(6 * 3600, "again")),
                START, new StatusPoint(START.minusSeconds(60), false, "gateway lost the connection"));

        assertThat(episodes).extracting(OfflineEpisode::start, OfflineEpisode::end, OfflineEpisode::reason).containsExactly(
                tuple(START, START.plusSeconds(2 * 3600), "gateway lost the connection"),
                tuple(START.plusSeconds(5 * 3600), null, "no message for 180 s"));
        assertThat(episodes.get(1).seconds(START.plusSeconds(86_400))).isEqualTo(19 * 3600);
    }

    @Test
    void aDeviceOnlineThroughoutHasNoEpisodeAndPointsAreTakenInTimeOrder() {
        assertThat(OfflineEpisodes.of("DG-2", "E1", List.of(online(100)), START, new StatusPoint(START, true, "")))
                .isEmpty();
        assertThat(OfflineEpisodes.of("DG-2", "E1", List.of(online(200), offline(100, "x")), START, null))
                .extracting(e -> e.seconds(START)).containsExactly(100L);
    }

    private static StatusPoint online(int second) {
        return new StatusPoint(START.plusSeconds(second), true, "message received");
    }

    private static StatusPoint offline(int second, String reason) {
        return new StatusPoint(START.plusSeconds(second), false, reason);
    }
}
