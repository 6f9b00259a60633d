package dev.anjian.ingest.jt808.message;

import java.time.LocalDateTime;

/** 0x8004 server time: BCD[6] YYMMDDhhmmss in GMT+8. */
public record TimeQueryResponse(LocalDateTime timeGmt8) implements Jt808Message {

    @Override
    public int messageId() {
        return MessageIds.TIME_QUERY_RESPONSE;
    }
}
