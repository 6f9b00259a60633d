package dev.anjian.alerting.book;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.alerting.TestAlarms;
import dev.anjian.events.AlarmCommand;
import dev.anjian.events.AlarmState;
import org.junit.jupiter.api.Test;

class AlarmBookTest {

    private static AlarmCommand command(AlarmCommand.Type type, String alarmId) {
        return new AlarmCommand(type, alarmId, "HN-PDS-CM01-CH4-T1", "王建国", "note", TestAlarms.T0.toEpochMilli() + 60_000, 0);
    }

    @Test
    void keepsTheLatestStateAndItsHistoryAndTheNewerOffsetWins() {
        AlarmBook book = new AlarmBook(10);
        book.apply(TestAlarms.methane().build(), 0, 5);
        book.apply(TestAlarms.methane().state(AlarmState.ESCALATED).level(3).build(), 0, 9);
        book.apply(TestAlarms.methane().build(), 0, 5);
        AlarmEntry entry = book.get("A1b2c3d4e5f6a7b").orElseThrow();
        assertThat(entry.alarm().state()).isEqualTo(AlarmState.ESCALATED);
        assertThat(entry.changes()).extracting(AlarmEntry.Change::what).containsExactly("RAISED", "ESCALATED");
        assertThat(entry.awaitingAcknowledgement()).isTrue();
        assertThat(book.awaitingAcknowledgement(p -> p == 0)).hasSize(1);
        assertThat(book.awaitingAcknowledgement(p -> p == 1)).isEmpty();
    }

    @Test
    void aCommandAcknowledgesEvenBeforeItsAlarmArrivesAndHandlingCloses() {
        AlarmBook book = new AlarmBook(10);
        book.apply(command(AlarmCommand.Type.ACKNOWLEDGE, "A1b2c3d4e5f6a7b"));
        book.apply(TestAlarms.methane().build(), 0, 1);
        assertThat(book.get("A1b2c3d4e5f6a7b").orElseThrow().acknowledgedBy()).isEqualTo("王建国");
        assertThat(book.awaitingAcknowledgement(p -> true)).isEmpty();
        assertThat(book.openCount()).isEqualTo(1);

        book.apply(command(AlarmCommand.Type.HANDLE, "A1b2c3d4e5f6a7b"));
        assertThat(book.openCount()).isZero();
        assertThat(book.get("A1b2c3d4e5f6a7b").orElseThrow().handled()).isTrue();
    }

    @Test
    void openAlarmsAreAlwaysKeptClosedOnesUpToTheBound() {
        AlarmBook book = new AlarmBook(2);
        for (int i = 0; i < 5; i++) {
            book.apply(TestAlarms.methane().id("A" + i).build(), 0, i);
            book.apply(TestAlarms.methane().id("C" + i).state(AlarmState.CLEARED).build(), 0, 100 + i);
        }
        assertThat(book.openCount()).isEqualTo(5);
        assertThat(book.closedCount()).isEqualTo(2);
        assertThat(book.get("C0")).isEmpty();
        assertThat(book.get("C4")).isPresent();
    }
}
