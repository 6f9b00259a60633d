package dev.anjian.jobs.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The background writer's contract: order, bounded hand-over, flush waits for all, failures reach the task. */
class BackgroundWritesTest {

    private final List<String> written = new CopyOnWriteArrayList<>();

    @Test
    void writesBatchesInOrderAndAwaitReturnsOnceAllAreWritten() throws Exception {
        try (BackgroundWrites writes = new BackgroundWrites("test-writer", 2, batch -> written.add(batch.text()))) {
            LineBatch filling = new LineBatch();
            for (int i = 1; i <= 5; i++) {
                filling.measurement("m").field("v", (long) i).time(i);
                filling = writes.handOver(filling);
                assertThat(filling.lines()).as("an empty batch to fill comes back").isZero();
            }
            writes.awaitWritten();

            assertThat(written).containsExactly("m v=1i 1\n", "m v=2i 2\n", "m v=3i 3\n", "m v=4i 4\n", "m v=5i 5\n");
        }
    }

    @Test
    void handingOverMoreThanMaxPendingWaitsUntilAWriteCompletes() throws Exception {
        CountDownLatch influxAnswers = new CountDownLatch(1);
        AtomicReference<Thread> task = new AtomicReference<>();
        try (BackgroundWrites writes = new BackgroundWrites("test-writer", 1, batch -> {
            influxAnswers.await();
            written.add(batch.text());
        })) {
            writes.handOver(batch("first"));
            CompletableFuture<LineBatch> second = CompletableFuture.supplyAsync(() -> {
                task.set(Thread.currentThread());
                return handOver(writes, batch("second"));
            });

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> task.get() != null
                    && task.get().getState() == Thread.State.WAITING);
            assertThat(second).as("held back while the first batch is pending").isNotDone();
            assertThat(written).isEmpty();

            influxAnswers.countDown();
            assertThat(second.get()).isNotNull();
            writes.awaitWritten();
            assertThat(written).containsExactly("first v=1i 1\n", "second v=1i 1\n");
        }
    }

    @Test
    void aFailedWriteFailsTheNextWriteHandOverAndAwaitAndLaterBatchesAreNotWritten() throws Exception {
        CountDownLatch failNow = new CountDownLatch(1);
        try (BackgroundWrites writes = new BackgroundWrites("test-writer", 3, batch -> {
            if (batch.text().startsWith("bad")) {
                failNow.await();
                throw new IOException("InfluxDB write of 1 points failed after 1 attempts: refused");
            }
            written.add(batch.text());
        })) {
            writes.handOver(batch("bad"));
            writes.handOver(batch("later"));
            failNow.countDown();

            assertThatThrownBy(writes::awaitWritten).isInstanceOf(IOException.class)
                    .hasMessageContaining("a background write to InfluxDB failed")
                    .hasRootCauseMessage("InfluxDB write of 1 points failed after 1 attempts: refused");
            assertThatThrownBy(writes::throwIfFailed).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> writes.handOver(batch("next"))).isInstanceOf(IOException.class);
            assertThat(written).as("nothing written after the failure").isEmpty();
        }
    }

    private static LineBatch batch(String measurement) {
        LineBatch batch = new LineBatch();
        batch.measurement(measurement).field("v", 1L).time(1);
        return batch;
    }

    private static LineBatch handOver(BackgroundWrites writes, LineBatch batch) {
        try {
            return writes.handOver(batch);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
