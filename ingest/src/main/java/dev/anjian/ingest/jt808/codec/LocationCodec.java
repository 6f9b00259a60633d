package dev.anjian.ingest.jt808.codec;

import dev.anjian.ingest.jt808.message.LocationBatch;
import dev.anjian.ingest.jt808.message.LocationReport;
import java.util.ArrayList;
import java.util.List;

/**
 * 0x0200 location report (808-2013 table 23): alarm DWORD @0, status DWORD @4, latitude DWORD @8, longitude
 * DWORD @12, altitude WORD @16, speed WORD @18 (1/10 km/h), direction WORD @20, time BCD[6] @22 (the PDF
 * prints 21), then additional items up to the end of the body. 0x0704 batch: count WORD, type BYTE, then
 * per report a length WORD and a 0x0200 body.
 */
final class LocationCodec {

    static final int BASIC_LENGTH = 28;

    private LocationCodec() {
    }

    static LocationReport read(ByteReader in) {
        long alarm = in.u32("alarm bits");
        long status = in.u32("status bits");
        long lat = in.u32("latitude");
        long lon = in.u32("longitude");
        int altitude = in.u16("altitude");
        int speed = in.u16("speed");
        int direction = in.u16("direction");
        var time = Jt808Time.read(in, "time");
        return new LocationReport(alarm, status, lat, lon, altitude, speed, direction, time, AdditionalItemsCodec.read(in));
    }

    static void write(ByteWriter out, LocationReport r) {
        out.u32(r.alarmBits()).u32(r.statusBits()).u32(r.latitudeMicroDeg()).u32(r.longitudeMicroDeg())
                .u16(r.altitudeM()).u16(r.speedDeciKmh()).u16(r.directionDeg());
        Jt808Time.write(out, r.timeGmt8());
        AdditionalItemsCodec.write(out, r.items());
    }

    static LocationBatch readBatch(ByteReader in) {
        int count = in.u16("count");
        int type = in.u8("batch type");
        if (count == 0) {
            throw new MalformedException("0x0704 count is 0");
        }
        List<LocationReport> reports = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = in.u16("report " + (i + 1) + " length");
            reports.add(read(in.slice(length, "report " + (i + 1))));
        }
        if (in.remaining() > 0) {
            throw new MalformedException(in.remaining() + " bytes after the " + count + " reports the batch announces");
        }
        return new LocationBatch(type, reports);
    }

    static void writeBatch(ByteWriter out, LocationBatch batch) {
        out.u16(batch.reports().size()).u8(batch.type());
        for (LocationReport r : batch.reports()) {
            ByteWriter one = new ByteWriter(64);
            write(one, r);
            out.u16(one.length()).bytes(one.toByteArray());
        }
    }
}
