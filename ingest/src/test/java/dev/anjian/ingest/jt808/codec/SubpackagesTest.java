package dev.anjian.ingest.jt808.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.ingest.jt808.codec.FrameResult.Frame;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubpackagesTest {

    private final Subpackages subpackages = new Subpackages(2, 8, 1000);

    @Test
    void joinsPacketsInAnyOrder() {
        assertThat(subpackages.offer(packet(12, 3, 3, "cc"), 0)).isInstanceOf(Subpackages.Incomplete.class);
        assertThat(subpackages.offer(packet(10, 3, 1, "aa"), 0)).isInstanceOf(Subpackages.Incomplete.class);
        Subpackages.Complete done = (Subpackages.Complete) subpackages.offer(packet(11, 3, 2, "bb"), 0);
        assertThat(done.frame().body()).isEqualTo(Golden.bytes("aabbcc"));
        assertThat(done.frame().header().subpackaged()).isFalse();
        assertThat(done.frame().header().serial()).as("the message's serial is the first packet's").isEqualTo(10);
        assertThat(done.frame().header().bodyLength()).isEqualTo(3);
        assertThat(subpackages.pendingCount()).isZero();
    }

    @Test
    void reRequestsMissingPacketsOnceThenGivesUp() {
        subpackages.offer(packet(20, 4, 1, "aa"), 0);
        subpackages.offer(packet(22, 4, 3, "cc"), 0);
        assertThat(subpackages.overdue(999)).isEmpty();
        List<Subpackages.Overdue> first = subpackages.overdue(1000);
        assertThat(first).singleElement().satisfies(o -> {
            assertThat(o.request().firstSerial()).isEqualTo(20);
            assertThat(o.request().packetNumbers()).containsExactly(2, 4);
        });
        assertThat(subpackages.overdue(1999)).isEmpty();
        List<Subpackages.Overdue> second = subpackages.overdue(2000);
        assertThat(second).singleElement().satisfies(o -> {
            assertThat(o.request()).isNull();
            assertThat(o.detail()).contains("[2, 4]");
        });
        assertThat(subpackages.pendingCount()).isZero();
    }

    @Test
    void isBounded() {
        assertThat(subpackages.offer(packet(1, 9, 1, "aa"), 0)).isInstanceOf(Subpackages.Refused.class);
        assertThat(subpackages.offer(packet(1, 2, 3, "aa"), 0)).isInstanceOf(Subpackages.Refused.class);
        subpackages.offer(packet(100, 2, 1, "aa"), 0);
        subpackages.offer(packet(200, 2, 1, "aa"), 0);
        assertThat(subpackages.offer(packet(300, 2, 1, "aa"), 0)).isInstanceOf(Subpackages.Refused.class);
        assertThat(subpackages.offer(packet(201, 3, 2, "aa"), 0)).as("total changed").isInstanceOf(Subpackages.Refused.class);
    }

    private static Frame packet(int serial, int total, int number, String bodyHex) {
        Header h = Header.of(0x0704, "13800000001", serial, false).asPacket(total, number);
        byte[] body = Golden.bytes(bodyHex);
        return (Frame) FrameCodec.decode(FrameCodec.encode(h, body));
    }
}
