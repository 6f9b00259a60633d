package dev.anjian.alerting.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("alarms", 0);

    private static Notice.Source at(long offset) {
        return new Notice.Source("alarms", 0, offset);
    }

    @Test
    void commitsUpToTheFirstRecordStillWaitingForTheLedger() {
        OffsetTracker tracker = new OffsetTracker();
        for (long o = 10; o < 15; o++) {
            if (o == 12 || o == 13) {
                tracker.hold(at(o));
            }
            tracker.handled(at(o));
        }
        tracker.hold(at(12));
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(12)));

        tracker.release(List.of(at(12)));
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(12)));
        tracker.release(List.of(at(12)));
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(13)));
        tracker.committed(tracker.committable());
        assertThat(tracker.committable()).isEmpty();

        tracker.release(List.of(at(13)));
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(15)));
        assertThat(tracker.held()).isZero();
    }

    @Test
    void escalationSourcesWithoutOffsetHoldNothing() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.handled(at(0));
        tracker.hold(new Notice.Source("alarms", 0, -1));
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(1)));
    }

    @Test
    void forgetsRevokedPartitions() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.hold(at(3));
        tracker.handled(at(3));
        tracker.forget(List.of(P0));
        assertThat(tracker.committable()).isEmpty();
        assertThat(tracker.held()).isZero();
    }
}
