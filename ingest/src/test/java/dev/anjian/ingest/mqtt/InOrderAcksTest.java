package dev.anjian.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.ingest.mqtt.InOrderAcks.Ack;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InOrderAcksTest {

    private final InOrderAcks acks = new InOrderAcks();

    @Test
    void anAckWaitsForEveryEarlierMessageThenTheCompletedPrefixIsReleasedInArrivalOrder() {
        long seven = acks.arrived(7, 1, 0);
        long eight = acks.arrived(8, 1, 0);
        long nine = acks.arrived(9, 1, 0);

        assertThat(acks.completed(nine)).isEmpty();
        assertThat(acks.completed(seven)).containsExactly(new Ack(7, 1, 0));
        assertThat(acks.size()).isEqualTo(2);
        assertThat(acks.completed(eight)).containsExactly(new Ack(8, 1, 0), new Ack(9, 1, 0));
        assertThat(acks.size()).isZero();
    }

    @Test
    void packetIdsMayRepeatOnceAcknowledged() {
        long first = acks.arrived(1, 1, 0);
        assertThat(acks.completed(first)).containsExactly(new Ack(1, 1, 0));
        long again = acks.arrived(1, 1, 0);
        assertThat(acks.completed(again)).containsExactly(new Ack(1, 1, 0));
    }

    @Test
    void completingTwiceOrAfterClearReleasesNothing() {
        long a = acks.arrived(1, 1, 0);
        long b = acks.arrived(2, 1, 0);
        assertThat(acks.completed(a)).hasSize(1);
        assertThat(acks.completed(a)).isEmpty();

        assertThat(acks.clear()).isEqualTo(1);
        assertThat(acks.completed(b)).isEmpty();
        assertThat(acks.size()).isZero();
    }

    @Test
    void afterClearNewArrivalsAreTrackedOnTheirOwn() {
        long old = acks.arrived(5, 1, 0);
        acks.clear();
        long fresh = acks.arrived(5, 1, 1);
        assertThat(acks.completed(old)).isEmpty();
        assertThat(acks.completed(fresh)).containsExactly(new Ack(5, 1, 1));
    }

    @Test
    void anyCompletionOrderYieldsEveryAckOnceInArrivalOrder() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(50);
            List<Long> tickets = new ArrayList<>();
            for (int id = 1; id <= n; id++) {
                tickets.add(acks.arrived(id, 1, 0));
            }
            Collections.shuffle(tickets, random);
            List<Integer> released = new ArrayList<>();
            tickets.forEach(t -> acks.completed(t).forEach(ack -> released.add(ack.packetId())));
            assertThat(released).hasSize(n).isSorted();
            assertThat(acks.size()).isZero();
        }
    }
}
