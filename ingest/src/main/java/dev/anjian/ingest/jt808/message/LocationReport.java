package dev.anjian.ingest.jt808.message;

import java.time.LocalDateTime;

/**
 * 0x0200 location report (JT/T 808-2013 §8.18 table 23): the 28-byte basic block and the additional items.
 * Latitude and longitude are unsigned millionths of a degree on the wire; the hemisphere comes from status
 * bits 2 (south) and 3 (west). {@code timeGmt8} is the terminal's BCD clock, Beijing time without a zone.
 */
public record LocationReport(long alarmBits, long statusBits, long latitudeMicroDeg, long longitudeMicroDeg,
        int altitudeM, int speedDeciKmh, int directionDeg, LocalDateTime timeGmt8, AdditionalItems items)
        implements Jt808Message {

    /** Status bit 2: south latitude. */
    public static final long STATUS_SOUTH = 1L << 2;
    /** Status bit 3: west longitude. */
    public static final long STATUS_WEST = 1L << 3;

    public LocationReport {
        items = items == null ? AdditionalItems.NONE : items;
    }

    /** Signed degrees, south negative. */
    public double latitudeDeg() {
        double deg = latitudeMicroDeg / 1_000_000.0;
        return (statusBits & STATUS_SOUTH) != 0 ? -deg : deg;
    }

    /** Signed degrees, west negative. */
    public double longitudeDeg() {
        double deg = longitudeMicroDeg / 1_000_000.0;
        return (statusBits & STATUS_WEST) != 0 ? -deg : deg;
    }

    public double speedKmh() {
        return speedDeciKmh / 10.0;
    }

    public boolean alarm(int bit) {
        return (alarmBits & (1L << bit)) != 0;
    }

    @Override
    public int messageId() {
        return MessageIds.LOCATION;
    }
}
