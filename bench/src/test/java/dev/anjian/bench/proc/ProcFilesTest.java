package dev.anjian.bench.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.bench.proc.ProcFiles.CpuTicks;
import org.junit.jupiter.api.Test;

class ProcFilesTest {

    @Test
    void readsUserSystemAndChildrenTicksAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194560 12345 0 0 0 1520 310 7 3 20 0 42 0 987 "
                + "5000000000 250000 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

        assertThat(ProcFiles.parseStat(stat)).isEqualTo(new CpuTicks(1520, 310, 7, 3));
        assertThat(ProcFiles.parseStat(stat).own()).isEqualTo(1830);
        assertThat(ProcFiles.parseStat(stat).withChildren()).isEqualTo(1840);
    }

    @Test
    void rejectsWhatIsNotAStatLine() {
        assertThatThrownBy(() -> ProcFiles.parseStat("no parenthesis here")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcFiles.parseStat("1 (x) S 1 2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsVmRssInBytesAndZeroWhenAbsent() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmRSS:\t  123456 kB\nThreads:\t42\n";

        assertThat(ProcFiles.parseRssBytes(status)).isEqualTo(123_456L * 1024);
        assertThat(ProcFiles.parseRssBytes("Name:\tkthreadd\nState:\tS (sleeping)\n")).isZero();
    }

    @Test
    void clockTicksArePositive() {
        assertThat(ProcFiles.clockTicksPerSecond()).isPositive();
    }
}
