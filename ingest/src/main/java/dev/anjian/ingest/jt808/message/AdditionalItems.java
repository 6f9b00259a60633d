package dev.anjian.ingest.jt808.message;

import java.util.List;

/**
 * The additional items of a 0x0200 report (808-2013 table 27, JT/T 1078 tables 13-15, Su-biao 0x64/0x65).
 * A boxed field is null when its item was absent. Items this gateway does not interpret, and items whose
 * on-wire length does not fit the layout it knows (vendors differ), are kept verbatim in {@code others}.
 */
public record AdditionalItems(
        Long mileageDeciKm,              // 0x01 DWORD, 1/10 km
        Integer fuelDeciL,               // 0x02 WORD, 1/10 L
        Integer tachographSpeedDeciKmh,  // 0x03 WORD, 1/10 km/h
        Integer manualConfirmEventId,    // 0x04 WORD
        OverspeedArea overspeedArea,     // 0x11 BYTE (+ DWORD area id unless the type is 0)
        AreaRouteAlarm areaRouteAlarm,   // 0x12 BYTE type, DWORD id, BYTE direction (0 in, 1 out)
        RouteTimeAlarm routeTimeAlarm,   // 0x13 DWORD section id, WORD seconds, BYTE result (0 short, 1 long)
        Long extendedSignalBits,         // 0x25 DWORD
        Integer ioStatusBits,            // 0x2A WORD: bit0 deep sleep, bit1 sleep
        Long analogAd0Ad1,               // 0x2B DWORD: bits 0-15 AD0, bits 16-31 AD1
        Integer signalStrength,          // 0x30 BYTE
        Integer satelliteCount,          // 0x31 BYTE
        Long videoAlarmBits,             // 0x14 DWORD (1078 table 13)
        Long videoLossChannels,          // 0x15 DWORD, bit n = channel n+1
        Long videoOcclusionChannels,     // 0x16 DWORD, bit n = channel n+1
        Integer storageFaultBits,        // 0x17 WORD: bits 0-11 main storage 1-12, bits 12-15 backup 1-4
        AbnormalDriving abnormalDriving, // 0x18 WORD type bits + BYTE fatigue level (table says 2 bytes, wire has 3)
        List<ActiveSafetyAlarm> activeSafety, // 0x64 ADAS, 0x65 DSM
        List<RawItem> others) {

    public static final AdditionalItems NONE = builder().build();

    public AdditionalItems {
        activeSafety = activeSafety == null ? List.of() : List.copyOf(activeSafety);
        others = others == null ? List.of() : List.copyOf(others);
    }

    public static AdditionalItemsBuilder builder() {
        return new AdditionalItemsBuilder();
    }

    /** 0x11: position type 0 none, 1 circle, 2 rectangle, 3 polygon, 4 road section; area id absent for 0. */
    public record OverspeedArea(int positionType, Long areaId) {
    }

    /** 0x12: position type 1-4, area or route id, direction 0 in / 1 out. */
    public record AreaRouteAlarm(int positionType, long areaId, int direction) {
    }

    /** 0x13: road section id, driving time in seconds, result 0 too short / 1 too long. */
    public record RouteTimeAlarm(long sectionId, int drivingTimeS, int result) {
    }

    /** 0x18: type bits (bit0 fatigue, bit1 phone, bit2 smoking) and fatigue level 0-100 (null if the item is 2 bytes). */
    public record AbnormalDriving(int typeBits, Integer fatigueLevel) {
    }

    /** An item kept as it arrived: id and value in hex. */
    public record RawItem(int id, String valueHex) {
    }
}
