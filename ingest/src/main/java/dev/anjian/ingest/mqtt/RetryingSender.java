package dev.anjian.ingest.mqtt;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats a Kafka send until Kafka acknowledges it: after each failure it waits per {@link Backoff} and
 * tries again. One warning when sends start failing and one line when they succeed again, rather than a
 * line per failed record. The bridge retries for as long as it runs (the broker keeps the unacknowledged
 * message meanwhile); the native endpoint only while the device's connection is open ({@code wanted}), since
 * once it is gone the device sends again and retrying here would only buy duplicates and memory.
 *
 * <p>Sends and retries run on the caller's one thread ({@code lane}). A send Kafka acknowledges at once
 * completes in Kafka's callback thread, without a hop to the lane: at full load that hop per record cost more
 * than the send. Only failures (and the first success after them, for its log line) go through the lane.
 */
public final class RetryingSender {

    /** Given up before Kafka acknowledged (its connection closed, or the sender stopped); nothing was acked either. */
    public static final class Abandoned extends CancellationException {
        private static final long serialVersionUID = 1L;

        public Abandoned(String why) {
            super("a Kafka send not retried: " + why);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RetryingSender.class);
    private static final BooleanSupplier ALWAYS = () -> true;

    private final ScheduledExecutorService timer;
    private final Executor lane;
    private final Backoff backoff;
    private final String withheld;
    private final AtomicLong retries = new AtomicLong();
    private long failuresInARow; // lane thread only
    private volatile boolean failing; // read by Kafka's thread: a success then goes through the lane

    /**
     * @param timer only waits out backoffs; every retry runs on {@code lane}
     * @param withheld what waits meanwhile, for the log line, e.g. "MQTT acks withheld"
     */
    public RetryingSender(ScheduledExecutorService timer, Executor lane, Backoff backoff, String withheld) {
        this.timer = timer;
        this.lane = lane;
        this.backoff = backoff;
        this.withheld = withheld;
    }

    /**
     * Starts sending (call on the lane); the future completes once Kafka acknowledged, possibly in Kafka's
     * callback thread. It never completes exceptionally: if the lane stops first, it stays incomplete.
     * {@code what} names the record in logs, built only when one is written.
     */
    public CompletableFuture<Void> untilAcknowledged(Supplier<CompletableFuture<Void>> send, Supplier<String> what) {
        return untilAcknowledged(send, what, ALWAYS);
    }

    /** The same, but a retry comes only while {@code wanted}; else the future fails with {@link Abandoned}. */
    public CompletableFuture<Void> untilAcknowledged(Supplier<CompletableFuture<Void>> send, Supplier<String> what,
            BooleanSupplier wanted) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        attempt(new Send(send, what, wanted, acknowledged), 0);
        return acknowledged;
    }

    /** Sends that failed and were scheduled again. */
    public long retries() {
        return retries.get();
    }

    private record Send(Supplier<CompletableFuture<Void>> send, Supplier<String> what, BooleanSupplier wanted,
            CompletableFuture<Void> acknowledged) {
    }

    private void attempt(Send send, int failures) {
        CompletableFuture<Void> sent;
        try {
            sent = send.send().get();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e); // retried like any other failure
        }
        sent.whenComplete((ok, error) -> {
            if (error != null) {
                onLane(send, () -> {
                    failed(send.what(), error);
                    retryLater(send, failures + 1);
                });
                return;
            }
            if (failing || failures > 0) {
                onLane(send, () -> succeeded(failures));
            }
            send.acknowledged().complete(null);
        });
    }

    private void retryLater(Send send, int failures) {
        retries.incrementAndGet();
        try {
            timer.schedule(() -> onLane(send, () -> {
                if (send.wanted().getAsBoolean()) {
                    attempt(send, failures);
                } else {
                    send.acknowledged().completeExceptionally(new Abandoned("its connection is closed"));
                }
            }), backoff.delay(failures).toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            abandon(send);
        }
    }

    private void onLane(Send send, Runnable task) {
        try {
            lane.execute(task);
        } catch (RejectedExecutionException e) {
            abandon(send);
        }
    }

    private void abandon(Send send) {
        if (send.wanted() == ALWAYS) { // the bridge's: stays incomplete, the broker keeps the message
            LOG.debug("stopping: no more retries for {}; it stays unacknowledged", send.what().get());
        } else {
            send.acknowledged().completeExceptionally(new Abandoned("stopping"));
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
            LOG.warn("Kafka send of {} failed: {}; retrying every send with backoff up to {}, {}",
                    what.get(), describe(error), backoff.max(), withheld);
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
