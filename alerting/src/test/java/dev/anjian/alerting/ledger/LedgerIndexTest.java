package dev.anjian.alerting.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.events.Notification.Result;
import org.junit.jupiter.api.Test;

class LedgerIndexTest {

    @Test
    void keepsAtMostMaxEntriesEvictingTheOldestRecorded() {
        LedgerIndex index = new LedgerIndex(3);
        index.record("a", Result.SENT);
        index.record("b", Result.SENT);
        index.record("c", Result.SKIPPED);
        index.record("a", Result.SENT);  // re-recorded: now the newest
        index.record("d", Result.FAILED);

        assertThat(index.size()).isEqualTo(3);
        assertThat(index.evicted()).isEqualTo(1);
        assertThat(index.resultOf("b")).isEmpty();
        assertThat(index.resultOf("a")).contains(Result.SENT);
        assertThat(index.resultOf("c")).contains(Result.SKIPPED);
        assertThat(index.resultOf("d")).contains(Result.FAILED);
    }

    @Test
    void theLatestResultOfAKeyWins() {
        LedgerIndex index = new LedgerIndex(3);
        index.record("a", Result.FAILED);
        index.record("a", Result.SENT);
        assertThat(index.resultOf("a")).contains(Result.SENT);
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void aTombstoneForgetsTheKey() {
        LedgerIndex index = new LedgerIndex(3);
        index.record("a", Result.SENT);
        index.forget("a");
        assertThat(index.resultOf("a")).isEmpty();
    }

    @Test
    void needsRoom() {
        assertThatThrownBy(() -> new LedgerIndex(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
