package dev.anjian.jobs.onlinerate;

import static dev.anjian.jobs.onlinerate.Scenario.D;
import static dev.anjian.jobs.onlinerate.Scenario.DAYS;
import static dev.anjian.jobs.onlinerate.Scenario.FLEET;
import static dev.anjian.jobs.onlinerate.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One device's transitions -> its registered and online seconds on day 0 (hand-computed) and the days it
 * reported. Steps: {@code REG day time} registered, {@code DEL} removed, {@code ON}/{@code OFF} a
 * device-status transition with that since, {@code MID} the local-midnight timer firing then.
 */
class DeviceTrackTest {

    static Stream<Arguments> devices() {
        return Stream.of(
                Arguments.of("online from the evening before, offline 02:00-08:00",
                        List.of("REG -1 00:00", "ON -1 20:00", "OFF 0 02:00", "ON 0 08:00"),
                        86_400, 2 * 3600 + 16 * 3600, Set.of(-1, 0)),
                Arguments.of("registered, never seen: offline from registration",
                        List.of("REG -1 00:00"), 86_400, 0, Set.of()),
                Arguments.of("ONLINE before it was registered at noon counts from noon",
                        List.of("ON 0 10:00", "REG 0 12:00", "OFF 0 18:00"), 12 * 3600, 6 * 3600, Set.of(0)),
                Arguments.of("read before its registration (a fresh start): ONLINE 06:00, OFFLINE 18:00, registered 12:00",
                        List.of("ON 0 06:00", "OFF 0 18:00", "REG 0 12:00"), 12 * 3600, 6 * 3600, Set.of(0)),
                Arguments.of("read before its registration at 20:00: offline by then",
                        List.of("ON 0 06:00", "OFF 0 18:00", "REG 0 20:00"), 4 * 3600, 0, Set.of()),
                Arguments.of("removed at 06:00 while online",
                        List.of("REG -1 00:00", "ON -1 10:00", "DEL 0 06:00"), 6 * 3600, 6 * 3600, Set.of(-1, 0)),
                Arguments.of("flapping, with a repeated ONLINE (at-least-once delivery)",
                        List.of("REG -1 00:00", "ON 0 09:00:00", "OFF 0 09:00:30", "ON 0 09:01:00", "OFF 0 09:01:10",
                                "ON 0 09:02:00", "ON 0 09:02:05", "OFF 0 10:00:00"),
                        86_400, 30 + 10 + 3480, Set.of(0)),
                Arguments.of("online for days: each local midnight counts it as reported",
                        List.of("REG -2 12:00", "ON -2 12:00", "MID -1 00:00", "MID 0 00:00", "MID 1 00:00"),
                        86_400, 86_400, Set.of(-2, -1, 0, 1)),
                Arguments.of("offline after midnight, read before any midnight timer (a restart)",
                        List.of("REG -1 00:00", "ON -1 22:00", "OFF 0 01:00"), 86_400, 3600, Set.of(-1, 0)),
                Arguments.of("removed at 10:00, registered again at 14:00 while still ONLINE",
                        List.of("REG -1 00:00", "ON 0 08:00", "DEL 0 10:00", "REG 0 14:00", "OFF 0 15:00"),
                        10 * 3600 + 10 * 3600, 2 * 3600 + 3600, Set.of(0)),
                Arguments.of("a transition older than the latest is ignored",
                        List.of("REG -1 00:00", "ON 0 08:00", "OFF 0 12:00", "ON 0 11:00"), 86_400, 4 * 3600, Set.of(0)),
                Arguments.of("re-imported unchanged at noon: still registered since the day before",
                        List.of("REG -1 00:00", "REG 0 12:00"), 86_400, 0, Set.of()),
                Arguments.of("registered at 23:59:59",
                        List.of("REG 0 23:59:59", "ON 0 23:59:59"), 1, 1, Set.of(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void registeredAndOnlineSecondsOfTheDayAndReportedDays(String name, List<String> steps, long registeredSeconds,
            long onlineSeconds, Set<Integer> reportedDays) {
        List<DimsChange> changes = run(steps);

        DeviceSeconds day = DeviceSeconds.of(changes, DAYS.startOf(D), DAYS.endOf(D));
        assertThat(day).isEqualTo(new DeviceSeconds(registeredSeconds, onlineSeconds));
        assertThat(reported(changes)).isEqualTo(new TreeSet<>(reportedDays));
    }

    @Test
    void theDayBeforeOfTheFirstDeviceHasItsOwnSeconds() {
        List<DimsChange> changes = run(List.of("REG -1 00:00", "ON -1 20:00", "OFF 0 02:00", "ON 0 08:00"));

        assertThat(DeviceSeconds.of(changes, DAYS.startOf(D - 1), DAYS.endOf(D - 1)))
                .isEqualTo(new DeviceSeconds(86_400, 4 * 3600));
        assertThat(DeviceSeconds.of(changes, at(0, "07:00"), at(0, "09:00")))
                .as("a period inside the day").isEqualTo(new DeviceSeconds(7200, 3600));
    }

    @Test
    void removingADeviceThatIsNotRegisteredChangesNothing() {
        DeviceTrack.Step step = DeviceTrack.unknown().removed(at(0, "10:00"), DAYS);

        assertThat(step.changes()).isEmpty();
        assertThat(step.next().isRegistered()).isFalse();
    }

    static List<DimsChange> run(List<String> steps) {
        DeviceTrack track = DeviceTrack.unknown();
        List<DimsChange> changes = new ArrayList<>();
        for (String step : steps) {
            String[] parts = step.split(" ");
            String time = parts[2].length() == 5 ? parts[2] + ":00" : parts[2];
            long at = at(Integer.parseInt(parts[1]), time);
            DeviceTrack.Step next = switch (parts[0]) {
                case "REG" -> track.registered(FLEET, at, DAYS);
                case "DEL" -> track.removed(at, DAYS);
                case "ON" -> track.status(true, at, DAYS);
                case "OFF" -> track.status(false, at, DAYS);
                case "MID" -> track.midnight(at, DAYS);
                default -> throw new IllegalArgumentException(step);
            };
            changes.addAll(next.changes());
            track = next.next();
        }
        return changes;
    }

    private static Set<Integer> reported(List<DimsChange> changes) {
        Set<Integer> days = new TreeSet<>();
        for (DimsChange change : changes) {
            for (int i = 0; i < change.reportedDelta(); i++) {
                assertThat(days.add((int) (DAYS.dayOf(change.atSecond()) - D))).as("reported once a day").isTrue();
            }
        }
        return days;
    }
}
