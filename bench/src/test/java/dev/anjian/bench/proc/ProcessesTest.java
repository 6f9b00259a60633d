package dev.anjian.bench.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessesTest {

    @Test
    void findsAChildByExecutableAndByArgumentButNotThisJvm() throws Exception {
        String marker = "bench-processes-test-" + ProcessHandle.current().pid();
        Process child = new ProcessBuilder("sh", "-c", "read x", marker).start();
        try {
            assertThat(Processes.withArgument(marker)).containsExactly(child.pid());
            assertThat(Processes.withExecutable("sh")).contains(child.pid());
            assertThat(Processes.withExecutable("java")).doesNotContain(ProcessHandle.current().pid());
            assertThat(Processes.withArgument("no-such-argument-" + marker)).isEmpty();
        } finally {
            child.getOutputStream().close();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aVanishedProcessHasNoCommandLine() {
        assertThat(Processes.commandLine(Long.MAX_VALUE)).isEmpty();
    }
}
