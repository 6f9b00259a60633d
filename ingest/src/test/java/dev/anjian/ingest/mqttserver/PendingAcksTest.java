package dev.anjian.ingest.mqttserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.ingest.mqttserver.PendingAcks.Closing;
import dev.anjian.ingest.mqttserver.PendingAcks.Entry;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingAcksTest {

    private final PendingAcks acks = new PendingAcks();

    private static List<Integer> ids(List<Entry> entries) {
        return entries.stream().map(e -> e.packetId).toList();
    }

    @Test
    void acksAreReleasedInArrivalOrderWhateverOrderKafkaConfirmsIn() {
        Entry seven = acks.arrived(7, (byte) 0, null);
        Entry eight = acks.arrived(8, (byte) 0x87, null);
        Entry nine = acks.arrived(9, (byte) 0, null);

        assertThat(acks.done(nine)).isEmpty();
        assertThat(ids(acks.done(seven))).containsExactly(7);
        List<Entry> due = acks.done(eight);
        assertThat(ids(due)).containsExactly(8, 9);
        assertThat(due.get(0).reasonCode).isEqualTo((byte) 0x87);
        assertThat(acks.size()).isZero();
    }

    @Test
    void aClosingEntryWaitsForTheEarlierMessagesAndCarriesNoPubAck() {
        Entry first = acks.arrived(1, (byte) 0, null);
        Entry closing = acks.arrived(PendingAcks.NO_PUBACK, (byte) 0,
                new Closing(MqttReasonCodes.Disconnect.PACKET_TOO_LARGE, "too large"));

        assertThat(acks.done(closing)).isEmpty();
        List<Entry> due = acks.done(first);
        assertThat(due).containsExactly(first, closing);
        assertThat(due.get(0).sendsPubAck()).isTrue();
        assertThat(due.get(1).sendsPubAck()).isFalse();
        assertThat(due.get(1).closing.reasonCode()).isEqualTo(MqttReasonCodes.Disconnect.PACKET_TOO_LARGE);
    }
}
