package dev.anjian.ingest.jt808.codec;

import dev.anjian.ingest.jt808.message.ActiveSafetyAlarm;
import dev.anjian.ingest.jt808.message.AdditionalItems;
import dev.anjian.ingest.jt808.message.AdditionalItems.AbnormalDriving;
import dev.anjian.ingest.jt808.message.AdditionalItems.AreaRouteAlarm;
import dev.anjian.ingest.jt808.message.AdditionalItems.OverspeedArea;
import dev.anjian.ingest.jt808.message.AdditionalItems.RawItem;
import dev.anjian.ingest.jt808.message.AdditionalItems.RouteTimeAlarm;
import dev.anjian.ingest.jt808.message.AdditionalItemsBuilder;
import java.util.HexFormat;

/**
 * 0x0200 additional items: id BYTE, length BYTE, value; the on-wire length is trusted to find the next item
 * (JT/T 1078 item 0x18 is 3 bytes although its table says 2). An item running past the body makes the report
 * malformed; a known item whose length or content does not fit its layout is kept raw, so one vendor's
 * variant (e.g. Yue-biao 0x64) does not cost the position.
 */
final class AdditionalItemsCodec {

    private AdditionalItemsCodec() {
    }

    static AdditionalItems read(ByteReader in) {
        AdditionalItemsBuilder b = AdditionalItems.builder();
        while (in.remaining() > 0) {
            int id = in.u8("additional item id");
            int length = in.u8("additional item length");
            ByteReader value = in.slice(length, "additional item " + id);
            ByteReader untouched = value.copy();
            boolean known;
            try {
                known = readKnown(b, id, length, value);
            } catch (MalformedException e) {
                known = false;
            }
            if (!known) {
                b.others.add(new RawItem(id, untouched.hex(length, "raw item")));
            }
        }
        return b.build();
    }

    /** Reads one item the gateway knows; false when the id is unknown or the length does not fit. */
    private static boolean readKnown(AdditionalItemsBuilder b, int id, int len, ByteReader v) {
        switch (id) {
            case 0x01 -> { if (len != 4) return false; b.mileageDeciKm = v.u32("mileage"); }
            case 0x02 -> { if (len != 2) return false; b.fuelDeciL = v.u16("fuel"); }
            case 0x03 -> { if (len != 2) return false; b.tachographSpeedDeciKmh = v.u16("tachograph speed"); }
            case 0x04 -> { if (len != 2) return false; b.manualConfirmEventId = v.u16("event id"); }
            case 0x11 -> {
                if (len != 1 && len != 5) return false;
                int type = v.u8("position type");
                b.overspeedArea = new OverspeedArea(type, len == 5 ? v.u32("area id") : null);
            }
            case 0x12 -> { if (len != 6) return false; b.areaRouteAlarm = new AreaRouteAlarm(v.u8("type"), v.u32("id"), v.u8("direction")); }
            case 0x13 -> { if (len != 7) return false; b.routeTimeAlarm = new RouteTimeAlarm(v.u32("section"), v.u16("time"), v.u8("result")); }
            case 0x14 -> { if (len != 4) return false; b.videoAlarmBits = v.u32("video alarms"); }
            case 0x15 -> { if (len != 4) return false; b.videoLossChannels = v.u32("video loss"); }
            case 0x16 -> { if (len != 4) return false; b.videoOcclusionChannels = v.u32("video occlusion"); }
            case 0x17 -> { if (len != 2) return false; b.storageFaultBits = v.u16("storage faults"); }
            case 0x18 -> {
                if (len != 2 && len != 3) return false;
                int type = v.u16("abnormal driving type");
                b.abnormalDriving = new AbnormalDriving(type, len == 3 ? v.u8("fatigue level") : null);
            }
            case 0x25 -> { if (len != 4) return false; b.extendedSignalBits = v.u32("extended signals"); }
            case 0x2A -> { if (len != 2) return false; b.ioStatusBits = v.u16("io status"); }
            case 0x2B -> { if (len != 4) return false; b.analogAd0Ad1 = v.u32("analog"); }
            case 0x30 -> { if (len != 1) return false; b.signalStrength = v.u8("signal strength"); }
            case 0x31 -> { if (len != 1) return false; b.satelliteCount = v.u8("satellites"); }
            case ActiveSafetyAlarm.ADAS, ActiveSafetyAlarm.DSM -> {
                if (len < ActiveSafetyAlarm.LENGTH) return false;
                b.activeSafety.add(ActiveSafetyCodec.read(id, v));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    static void write(ByteWriter out, AdditionalItems i) {
        if (i.mileageDeciKm() != null) out.u8(0x01).u8(4).u32(i.mileageDeciKm());
        if (i.fuelDeciL() != null) out.u8(0x02).u8(2).u16(i.fuelDeciL());
        if (i.tachographSpeedDeciKmh() != null) out.u8(0x03).u8(2).u16(i.tachographSpeedDeciKmh());
        if (i.manualConfirmEventId() != null) out.u8(0x04).u8(2).u16(i.manualConfirmEventId());
        if (i.overspeedArea() != null) {
            OverspeedArea o = i.overspeedArea();
            out.u8(0x11).u8(o.areaId() == null ? 1 : 5).u8(o.positionType());
            if (o.areaId() != null) out.u32(o.areaId());
        }
        if (i.areaRouteAlarm() != null) {
            AreaRouteAlarm a = i.areaRouteAlarm();
            out.u8(0x12).u8(6).u8(a.positionType()).u32(a.areaId()).u8(a.direction());
        }
        if (i.routeTimeAlarm() != null) {
            RouteTimeAlarm r = i.routeTimeAlarm();
            out.u8(0x13).u8(7).u32(r.sectionId()).u16(r.drivingTimeS()).u8(r.result());
        }
        if (i.videoAlarmBits() != null) out.u8(0x14).u8(4).u32(i.videoAlarmBits());
        if (i.videoLossChannels() != null) out.u8(0x15).u8(4).u32(i.videoLossChannels());
        if (i.videoOcclusionChannels() != null) out.u8(0x16).u8(4).u32(i.videoOcclusionChannels());
        if (i.storageFaultBits() != null) out.u8(0x17).u8(2).u16(i.storageFaultBits());
        if (i.abnormalDriving() != null) {
            AbnormalDriving a = i.abnormalDriving();
            out.u8(0x18).u8(a.fatigueLevel() == null ? 2 : 3).u16(a.typeBits());
            if (a.fatigueLevel() != null) out.u8(a.fatigueLevel());
        }
        if (i.extendedSignalBits() != null) out.u8(0x25).u8(4).u32(i.extendedSignalBits());
        if (i.ioStatusBits() != null) out.u8(0x2A).u8(2).u16(i.ioStatusBits());
        if (i.analogAd0Ad1() != null) out.u8(0x2B).u8(4).u32(i.analogAd0Ad1());
        if (i.signalStrength() != null) out.u8(0x30).u8(1).u8(i.signalStrength());
        if (i.satelliteCount() != null) out.u8(0x31).u8(1).u8(i.satelliteCount());
        for (ActiveSafetyAlarm a : i.activeSafety()) {
            out.u8(a.itemId()).u8(ActiveSafetyAlarm.LENGTH);
            ActiveSafetyCodec.write(out, a);
        }
        for (RawItem raw : i.others()) {
            byte[] value = HexFormat.of().parseHex(raw.valueHex());
            out.u8(raw.id()).u8(value.length).bytes(value);
        }
    }
}
