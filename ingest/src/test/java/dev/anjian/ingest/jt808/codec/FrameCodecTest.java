package dev.anjian.ingest.jt808.codec;

import static dev.anjian.ingest.jt808.codec.Golden.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.ingest.jt808.codec.FrameResult.BadFrame;
import dev.anjian.ingest.jt808.codec.FrameResult.Frame;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    @Test
    void escapingFollowsTheStandardsExample() {
        byte[] sent = Escaping.escapeAndDelimit(bytes("307e087d55"), 5);
        assertThat(HexFormat.of().formatHex(sent)).isEqualTo("7e307d02087d01557e");
        assertThat(Escaping.unescape(sent, 1, sent.length - 1)).isEqualTo(bytes("307e087d55"));
    }

    @Test
    void reads2013Header() {
        Frame frame = (Frame) FrameCodec.decode(bytes(Golden.HEARTBEAT_2013));
        Header h = frame.header();
        assertThat(h.messageId()).isEqualTo(0x0002);
        assertThat(h.version2019()).isFalse();
        assertThat(h.phone()).isEqualTo("013800000001");
        assertThat(h.terminalKey()).isEqualTo("13800000001");
        assertThat(h.serial()).isEqualTo(1);
        assertThat(h.bodyLength()).isZero();
        assertThat(h.subpackaged()).isFalse();
        assertThat(frame.body()).isEmpty();
    }

    @Test
    void reads2019HeaderWithTheSameTerminalKey() {
        Frame frame = (Frame) FrameCodec.decode(bytes(Golden.AUTH_2019));
        Header h = frame.header();
        assertThat(h.messageId()).isEqualTo(0x0102);
        assertThat(h.version2019()).isTrue();
        assertThat(h.protocolVersion()).isEqualTo(1);
        assertThat(h.phone()).isEqualTo("00000000013800000001");
        assertThat(h.terminalKey()).isEqualTo("13800000001");
        assertThat(h.serial()).isEqualTo(2);
        assertThat(h.bodyLength()).isEqualTo(0x34).isEqualTo(frame.body().length);
    }

    @Test
    void readsSubpackageFields() {
        Frame frame = (Frame) FrameCodec.decode(bytes(Golden.PKG_2013));
        assertThat(frame.header().subpackaged()).isTrue();
        assertThat(frame.header().packetTotal()).isEqualTo(3);
        assertThat(frame.header().packetNumber()).isEqualTo(2);
        assertThat(frame.body()).isEqualTo(bytes("0001"));
    }

    @Test
    void unescapesHeaderAndBody() {
        Frame frame = (Frame) FrameCodec.decode(bytes(Golden.RESP_8001_ESCAPED));
        assertThat(frame.header().serial()).isEqualTo(0x7E7D);
        assertThat(frame.body()).isEqualTo(bytes("7d7e000200"));
    }

    @Test
    void encodesExactlyTheGoldenFrames() {
        for (String golden : new String[] {Golden.HEARTBEAT_2013, Golden.AUTH_2019, Golden.RESP_8001_ESCAPED,
                Golden.PKG_2013, Golden.LOC_2013_ALL_ITEMS}) {
            Frame frame = (Frame) FrameCodec.decode(bytes(golden));
            assertThat(HexFormat.of().formatHex(FrameCodec.encode(frame.header(), frame.body()))).isEqualTo(golden);
        }
    }

    @Test
    void badChecksumKeepsTheHeaderForAReply() {
        BadFrame bad = (BadFrame) FrameCodec.decode(bytes("7e0002000001380000000100013a7e"));
        assertThat(bad.reason()).isEqualTo(BadInput.BAD_CHECKSUM);
        assertThat(bad.detail()).contains("0x3A").contains("0x3B");
        assertThat(bad.header().serial()).isEqualTo(1);
    }

    @Test
    void badEscape() {
        BadFrame bad = (BadFrame) FrameCodec.decode(bytes("7e00027d0300013800000001000100017e"));
        assertThat(bad.reason()).isEqualTo(BadInput.BAD_ESCAPE);
        assertThat(bad.detail()).contains("0x7D followed by 0x03");
        assertThat(((BadFrame) FrameCodec.decode(bytes("7e00020000017d7e"))).reason()).isEqualTo(BadInput.BAD_ESCAPE);
    }

    @Test
    void lengthMismatch() {
        // Attributes announce 5 body bytes, none follow; check code recomputed so only the length is wrong.
        BadFrame bad = (BadFrame) FrameCodec.decode(FrameCodec.encodeRaw(bytes("000200050138000000010001")));
        assertThat(bad.reason()).isEqualTo(BadInput.LENGTH_MISMATCH);
        assertThat(bad.detail()).isEqualTo("attributes announce a body of 5 bytes, frame has 0");
    }

    @Test
    void truncatedFrames() {
        assertThat(((BadFrame) FrameCodec.decode(bytes("7e00020000017e"))).reason()).isEqualTo(BadInput.TRUNCATED);
        assertThat(((BadFrame) FrameCodec.decode(bytes("7e"))).reason()).isEqualTo(BadInput.TRUNCATED);
        // A 2019 attribute flag with only a 2013-sized header.
        BadFrame v2019Short = (BadFrame) FrameCodec.decode(FrameCodec.encodeRaw(bytes("000240000138000000010001")));
        assertThat(v2019Short.reason()).isEqualTo(BadInput.TRUNCATED);
        assertThat(v2019Short.header()).isNull();
    }

    @Test
    void phoneThatIsNotBcdIsRefused() {
        BadFrame bad = (BadFrame) FrameCodec.decode(FrameCodec.encodeRaw(bytes("0002000001380000000A0001")));
        assertThat(bad.reason()).isEqualTo(BadInput.TRUNCATED);
        assertThat(bad.detail()).contains("not BCD");
    }
}
