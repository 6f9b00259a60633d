package dev.anjian.ingest.jt808.message;

import java.time.LocalDateTime;

/**
 * Su-biao (T/JSATL 12-2017 §4.4-4.5) ADAS (item 0x64) or DSM (0x65) alarm, 47 bytes: alarm id DWORD, flag
 * BYTE (0 none, 1 start, 2 end), type BYTE, level BYTE, five type-specific bytes (ADAS: front speed km/h,
 * headway in 100 ms, departure side, sign type, sign data; DSM: fatigue level, reserved), speed BYTE km/h,
 * altitude WORD m, lat/lon DWORD 1e-6 degrees, time BCD[6] GMT+8, vehicle status WORD, alarm identifier
 * BYTE[16] (terminal id BYTE[7], time BCD[6], sequence, attachment count, reserved).
 */
public record ActiveSafetyAlarm(int itemId, long alarmId, int flag, int type, int level, String typeSpecificHex,
        int speedKmh, int altitudeM, long latitudeMicroDeg, long longitudeMicroDeg, LocalDateTime timeGmt8,
        int vehicleStatusBits, String alarmIdentifierHex) {

    public static final int ADAS = 0x64;
    public static final int DSM = 0x65;
    public static final int LENGTH = 47;

    /** Attachment count: byte 14 of the alarm identifier. */
    public int attachmentCount() {
        return Integer.parseInt(alarmIdentifierHex.substring(28, 30), 16);
    }
}
