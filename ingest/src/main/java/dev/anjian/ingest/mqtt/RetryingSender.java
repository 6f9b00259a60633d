package dev.anjian.ingest.mqtt;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats a Kafka send until Kafka acknowledges it: after each failure it waits per {@link Backoff} and
 * tries again, for as long as the worker runs. Nothing is given up: a message whose send keeps failing
 * stays unacknowledged towards MQTT, and the broker keeps it. One warning when sends start failing and
 * one line when they succeed again, rather than a line per failed record.
 *
 * <p>Sends and retries run on the one worker thread. A send Kafka acknowledges at once completes in
 * Kafka's callback thread, without a hop to the worker: at full load that hop per record cost more than
 * the send. Only failures (and the first success after them, for its log line) go through the worker.
 */
final class RetryingSender {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingSender.class);

    private final ScheduledExecutorService timer;
    private final Executor onWorker;
    private final Backoff backoff;
    private final AtomicLong retries = new AtomicLong();
    private long failuresInARow; // worker thread only
    private volatile boolean failing; // read by Kafka's thread: a success then goes through the worker

    /** {@code timer} only waits out backoffs; every retry runs {@code onWorker}. */
    RetryingSender(ScheduledExecutorService timer, Executor onWorker, Backoff backoff) {
        this.timer = timer;
        this.onWorker = onWorker;
        this.backoff = backoff;
    }

    /**
     * Starts sending (call on the worker); the future completes once Kafka acknowledged, possibly in Kafka's
     * callback thread. It never completes exceptionally: if the worker stops first, it stays incomplete.
     * {@code what} names the record in logs, built only when one is written.
     */
    CompletableFuture<Void> untilAcknowledged(Supplier<CompletableFuture<Void>> send, Supplier<String> what) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        attempt(send, what, 0, acknowledged);
        return acknowledged;
    }

    /** Sends that failed and were scheduled again. */
    long retries() {
        return retries.get();
    }

    private void attempt(Supplier<CompletableFuture<Void>> send, Supplier<String> what, int failures,
            CompletableFuture<Void> acknowledged) {
        CompletableFuture<Void> sent;
        try {
            sent = send.get();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e); // retried like any other failure
        }
        sent.whenComplete((ok, error) -> {
            if (error != null) {
                onWorker.execute(() -> {
                    failed(what, error);
                    retryLater(send, what, failures + 1, acknowledged);
                });
                return;
            }
            if (failing || failures > 0) {
                onWorker.execute(() -> succeeded(failures));
            }
            acknowledged.complete(null);
        });
    }

    private void retryLater(Supplier<CompletableFuture<Void>> send, Supplier<String> what, int failures,
            CompletableFuture<Void> acknowledged) {
        retries.incrementAndGet();
        try {
            timer.schedule(() -> onWorker.execute(() -> attempt(send, what, failures, acknowledged)),
                    backoff.delay(failures).toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("bridge stopping: no more retries for {}; it stays unacknowledged", what);
        }
    }

    private void succeeded(int failures) {
        if (failuresInARow > 0) {
            LOG.info("Kafka sends succeed again after {} failed attempts", failuresInARow);
            failuresInARow = 0;
            failing = false;
        }
        if (failures > 0) {
            LOG.debug("sent after {} retries", failures);
        }
    }

    private void failed(Supplier<String> what, Throwable error) {
        failing = true;
        if (failuresInARow++ == 0) {
            LOG.warn("Kafka send of {} failed: {}; retrying every send with backoff up to {}, MQTT acks withheld",
                    what.get(), describe(error), backoff.max());
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("Kafka send of {} failed again: {}", what.get(), describe(error));
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
