package dev.anjian.ingest.mqtt;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The bridge's own bound on QoS 1 messages taken and not yet acknowledged ({@code mqtt.max-in-flight}).
 * {@link #take} holds Paho's callback thread while the window is full, so Paho stops reading and the broker
 * keeps the rest. The broker should never send more than this Receive Maximum, but under overload the load
 * harness counted up to 40,000 messages waiting inside the bridge: queued with their receipt time already
 * stamped, they also made the job see a lag that was not in Kafka.
 */
final class InFlightWindow {

    private static final long POLL_MS = 100;

    private final Semaphore free;

    InFlightWindow(int size) {
        this.free = new Semaphore(size);
    }

    /** Takes a place, waiting while the window is full; false if {@code stopping} said so first. */
    boolean take(BooleanSupplier stopping) {
        try {
            while (!stopping.getAsBoolean()) {
                if (free.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Gives back the places of {@code messages} acknowledged or forgotten. */
    void free(int messages) {
        free.release(messages);
    }
}
