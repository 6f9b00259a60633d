package dev.anjian.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class InFlightWindowTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final InFlightWindow window = new InFlightWindow(2);
    private final AtomicBoolean stopping = new AtomicBoolean();

    @Test
    void aFullWindowHoldsTheNextMessageUntilOneIsAcknowledged() {
        assertThat(window.take(stopping::get)).isTrue();
        assertThat(window.take(stopping::get)).isTrue();

        CompletableFuture<Boolean> third = new CompletableFuture<>();
        Thread callback = new Thread(() -> third.complete(window.take(stopping::get)));
        callback.start();
        await().atMost(TIMEOUT).until(() -> callback.getState() == Thread.State.TIMED_WAITING);
        assertThat(third).as("held while 2 are unacknowledged").isNotDone();

        window.free(1);
        assertThat(third).succeedsWithin(TIMEOUT).isEqualTo(true);
    }

    @Test
    void stoppingReleasesAHeldTakeWithoutAPlace() {
        window.take(stopping::get);
        window.take(stopping::get);
        CompletableFuture<Boolean> held = CompletableFuture.supplyAsync(() -> window.take(stopping::get));

        stopping.set(true);
        assertThat(held).succeedsWithin(TIMEOUT).isEqualTo(false);
    }

    @Test
    void forgottenMessagesGiveTheirPlacesBack() {
        window.take(stopping::get);
        window.take(stopping::get);
        window.free(2); // a lost connection: its unacknowledged messages are the broker's again
        assertThat(window.take(stopping::get)).isTrue();
        assertThat(window.take(stopping::get)).isTrue();
    }
}
