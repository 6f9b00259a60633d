package dev.anjian.ingest.jt808.message;

import java.util.List;

/**
 * 0x0704 batch of location reports: count WORD, type BYTE (0 normal, 1 blind-area re-send of reports the
 * terminal stored while it was cut off), then per report a length WORD and a 0x0200 body.
 */
public record LocationBatch(int type, List<LocationReport> reports) implements Jt808Message {

    public static final int NORMAL = 0;
    public static final int BLIND_AREA = 1;

    public LocationBatch {
        reports = List.copyOf(reports);
    }

    public boolean blindAreaResend() {
        return type == BLIND_AREA;
    }

    @Override
    public int messageId() {
        return MessageIds.LOCATION_BATCH;
    }
}
