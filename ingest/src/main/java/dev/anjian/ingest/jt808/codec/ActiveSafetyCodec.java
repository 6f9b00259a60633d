package dev.anjian.ingest.jt808.codec;

import dev.anjian.ingest.jt808.message.ActiveSafetyAlarm;

/**
 * Su-biao ADAS (0x64) / DSM (0x65) item, T/JSATL 12-2017 §4.4-4.5: the first 47 bytes; a longer item (a
 * vendor's extension) is read up to there and the rest ignored, since the outer length bounds it.
 */
final class ActiveSafetyCodec {

    private ActiveSafetyCodec() {
    }

    static ActiveSafetyAlarm read(int itemId, ByteReader in) {
        return new ActiveSafetyAlarm(itemId,
                in.u32("alarm id"),
                in.u8("flag"),
                in.u8("type"),
                in.u8("level"),
                in.hex(5, "type-specific"),
                in.u8("speed"),
                in.u16("altitude"),
                in.u32("latitude"),
                in.u32("longitude"),
                Jt808Time.read(in, "time"),
                in.u16("vehicle status"),
                in.hex(16, "alarm identifier"));
    }

    static void write(ByteWriter out, ActiveSafetyAlarm a) {
        out.u32(a.alarmId()).u8(a.flag()).u8(a.type()).u8(a.level()).hex(a.typeSpecificHex())
                .u8(a.speedKmh()).u16(a.altitudeM()).u32(a.latitudeMicroDeg()).u32(a.longitudeMicroDeg());
        Jt808Time.write(out, a.timeGmt8());
        out.u16(a.vehicleStatusBits()).hex(a.alarmIdentifierHex());
    }
}
