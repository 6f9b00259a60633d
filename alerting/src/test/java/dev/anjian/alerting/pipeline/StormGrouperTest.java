package dev.anjian.alerting.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.alerting.routing.Contact;
import dev.anjian.events.AlarmState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Storm grouping decisions with a fixed timeline: window 60 s, 3 individual SMS per window. */
class StormGrouperTest {

    private static Notice notice(String enterprise, Contact contact, int n, long at) {
        return new Notice(Notice.Kind.STATE_CHANGE, contact, enterprise, enterprise, "text " + n,
                List.of(new Notice.Item("A" + n, AlarmState.RAISED, contact.id(), "brief " + n, at)),
                List.of(new Notice.Source("alarms", 0, n)), at);
    }

    /**
     * Each row: arrivals as {@code enterprise:seconds} (all to that enterprise's officer), the decisions in
     * order, and the sizes of the summaries due at 200 s.
     */
    @ParameterizedTest(name = "{0} -> {1}, due {2}")
    @CsvSource(delimiter = '|', value = {
            "C:0                              | S           | ''",
            "C:0 C:1 C:2                      | S S S       | ''",
            "C:0 C:1 C:2 C:3                  | S S S H     | 1",
            "C:0 C:1 C:2 C:3 C:4 C:59         | S S S H H H | 3",
            "C:0 C:1 C:2 C:60 C:61 C:62 C:63  | S S S S S S H | 1",
            "C:0 C:1 C:2 N:3 N:4 C:5          | S S S S S H | 1",
            "C:0 N:0 C:1 N:1 C:2 N:2 C:3 N:3  | S S S S S S H H | 1 1",
    })
    void theFirstSmsOfAWindowGoOutAtOnceTheRestAsOneSummaryPerEnterprise(String arrivals, String decisions,
            String dueSizes) {
        StormGrouper grouper = new StormGrouper(Duration.ofSeconds(60), 3);
        Contact coal = RouterTest.COAL_SAFETY;
        Contact nh3 = RouterTest.NH3_SAFETY;
        List<String> made = new ArrayList<>();
        int n = 0;
        for (String arrival : arrivals.split(" ")) {
            String[] parts = arrival.split(":");
            long at = Long.parseLong(parts[1]) * 1000;
            Notice notice = parts[0].equals("C") ? notice("E-HN-COAL-01", coal, n++, at) : notice("E-HN-NH3-01", nh3, n++, at);
            grouper.due(at);
            made.add(grouper.offer(notice, at) == StormGrouper.Decision.SEND_NOW ? "S" : "H");
        }
        assertThat(String.join(" ", made)).isEqualTo(decisions);
        List<List<Notice>> due = grouper.due(200_000);
        assertThat(due.stream().map(d -> String.valueOf(d.size())).toList())
                .containsExactlyInAnyOrder(dueSizes.isBlank() ? new String[0] : dueSizes.split(" "));
        due.forEach(group -> assertThat(group).extracting(Notice::enterpriseId).containsOnly(group.get(0).enterpriseId()));
        assertThat(grouper.held()).isZero();
    }

    @ParameterizedTest(name = "window {0}s")
    @CsvSource({"0"})
    void aZeroWindowNeverHolds(long seconds) {
        StormGrouper grouper = new StormGrouper(Duration.ofSeconds(seconds), 1);
        for (int i = 0; i < 10; i++) {
            assertThat(grouper.offer(notice("E-HN-COAL-01", RouterTest.COAL_SAFETY, i, i), i)).isEqualTo(StormGrouper.Decision.SEND_NOW);
        }
    }
}
