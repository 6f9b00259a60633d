package dev.anjian.ingest.jt808;

import dev.anjian.ingest.jt808.codec.BodyCodec;
import dev.anjian.ingest.jt808.codec.Decoded;
import dev.anjian.ingest.jt808.codec.FrameCodec;
import dev.anjian.ingest.jt808.codec.FrameResult;
import dev.anjian.ingest.jt808.codec.Header;
import dev.anjian.ingest.jt808.message.AdditionalItems;
import dev.anjian.ingest.jt808.message.Jt808Message;
import dev.anjian.ingest.jt808.message.LocationReport;
import java.time.LocalDateTime;

/** Terminal frames for tests, built with the codec (the codec itself is pinned by golden frames). */
final class Frames {

    /** 2026-03-15 08:30:45 GMT+8. */
    static final LocalDateTime T = LocalDateTime.of(2026, 3, 15, 8, 30, 45);

    private Frames() {
    }

    static byte[] frame(Jt808Message m, String phone, int serial, boolean v2019) {
        return FrameCodec.encode(Header.of(m.messageId(), phone, serial, v2019), BodyCodec.encode(m, v2019));
    }

    static LocationReport location(long alarmBits, int speedDeciKmh) {
        return new LocationReport(alarmBits, 0x3, 34_746_600, 113_625_300, 110, speedDeciKmh, 90, T, AdditionalItems.NONE);
    }

    /** Decodes one frame the gateway wrote. */
    static Decoded.Message decode(byte[] raw) {
        FrameResult.Frame frame = (FrameResult.Frame) FrameCodec.decode(raw);
        return (Decoded.Message) BodyCodec.decode(frame.header(), frame.body());
    }
}
