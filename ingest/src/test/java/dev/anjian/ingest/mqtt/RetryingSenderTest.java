package dev.anjian.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryingSenderTest {

    private static final Backoff FAST = new Backoff(Duration.ofMillis(1), Duration.ofMillis(4));

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private final RetryingSender sender = new RetryingSender(worker, worker, FAST, "test acks withheld");

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    @Test
    void aFailingSendIsRepeatedUntilKafkaAcknowledgesIt() {
        AtomicInteger attempts = new AtomicInteger();
        Supplier<CompletableFuture<Void>> failsThreeTimes = () -> attempts.incrementAndGet() <= 3
                ? CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException("metadata"))
                : CompletableFuture.completedFuture(null);

        CompletableFuture<Void> acknowledged = sender.untilAcknowledged(failsThreeTimes, () -> "test");

        assertThat(acknowledged).succeedsWithin(Duration.ofSeconds(30));
        assertThat(attempts).hasValue(4);
        assertThat(sender.retries()).isEqualTo(3);
    }

    @Test
    void aSendThatThrowsIsRetriedLikeOneThatFails() {
        AtomicInteger attempts = new AtomicInteger();
        Supplier<CompletableFuture<Void>> throwsOnce = () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("boom");
            }
            return CompletableFuture.completedFuture(null);
        };
        assertThat(sender.untilAcknowledged(throwsOnce, () -> "test")).succeedsWithin(Duration.ofSeconds(30));
        assertThat(attempts).hasValue(2);
    }

    @Test
    void whenTheWorkerStopsAnUnsentRecordIsNeverReportedAcknowledged() throws InterruptedException {
        CountDownLatch attempted = new CountDownLatch(3);
        Supplier<CompletableFuture<Void>> alwaysFails = () -> {
            attempted.countDown();
            return CompletableFuture.failedFuture(new IllegalStateException("Kafka down"));
        };
        CompletableFuture<Void> acknowledged = sender.untilAcknowledged(alwaysFails, () -> "test");
        assertThat(attempted.await(30, TimeUnit.SECONDS)).isTrue();

        worker.shutdownNow();
        assertThat(worker.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        // Only the worker completes it; with the worker gone it stays open: no ack can follow.
        assertThat(acknowledged).isNotDone();
    }

    @Test
    void aSendNoLongerWantedIsAbandonedAtItsNextRetryInsteadOfRetriedForever() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean connectionOpen = new AtomicBoolean(true);
        Supplier<CompletableFuture<Void>> failsThenClosesTheConnection = () -> {
            if (attempts.incrementAndGet() == 2) {
                connectionOpen.set(false);
            }
            return CompletableFuture.failedFuture(new IllegalStateException("Kafka down"));
        };

        CompletableFuture<Void> acknowledged =
                sender.untilAcknowledged(failsThenClosesTheConnection, () -> "test", connectionOpen::get);

        assertThat(acknowledged).failsWithin(Duration.ofSeconds(30))
                .withThrowableOfType(java.util.concurrent.CancellationException.class)
                .isInstanceOf(RetryingSender.Abandoned.class);
        assertThat(attempts).hasValue(2);
    }
}
