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
 * <p>Sends, retries and completions all run on the one worker thread.
 */
final class RetryingSender {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingSender.class);

    private final ScheduledExecutorService worker;
    private final Executor onWorker;
    private final Backoff backoff;
    private final AtomicLong retries = new AtomicLong();
    private long failuresInARow; // worker thread only

    RetryingSender(ScheduledExecutorService worker, Executor onWorker, Backoff backoff) {
        this.worker = worker;
        this.onWorker = onWorker;
        this.backoff = backoff;
    }

    /**
     * Starts sending; the future completes once Kafka acknowledged. It never completes exceptionally:
     * if the worker stops first, it stays incomplete. {@code what} names the record in logs.
     */
    CompletableFuture<Void> untilAcknowledged(Supplier<CompletableFuture<Void>> send, String what) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        attempt(send, what, 0, acknowledged);
        return acknowledged;
    }

    /** Sends that failed and were scheduled again. */
    long retries() {
        return retries.get();
    }

    private void attempt(Supplier<CompletableFuture<Void>> send, String what, int failures,
            CompletableFuture<Void> acknowledged) {
        CompletableFuture<Void> sent;
        try {
            sent = send.get();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e); // retried like any other failure
        }
        sent.whenCompleteAsync((ok, error) -> {
            if (error == null) {
                succeeded(failures);
                acknowledged.complete(null);
            } else {
                failed(what, error);
                retryLater(send, what, failures + 1, acknowledged);
            }
        }, onWorker);
    }

    private void retryLater(Supplier<CompletableFuture<Void>> send, String what, int failures,
            CompletableFuture<Void> acknowledged) {
        retries.incrementAndGet();
        try {
            worker.schedule(() -> attempt(send, what, failures, acknowledged),
                    backoff.delay(failures).toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("bridge stopping: no more retries for {}; it stays unacknowledged", what);
        }
    }

    private void succeeded(int failures) {
        if (failuresInARow > 0) {
            LOG.info("Kafka sends succeed again after {} failed attempts", failuresInARow);
            failuresInARow = 0;
        }
        if (failures > 0) {
            LOG.debug("sent after {} retries", failures);
        }
    }

    private void failed(String what, Throwable error) {
        if (failuresInARow++ == 0) {
            LOG.warn("Kafka send of {} failed: {}; retrying every send with backoff up to {}, MQTT acks withheld",
                    what, describe(error), backoff.max());
        } else {
            LOG.debug("Kafka send of {} failed again: {}", what, describe(error));
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
