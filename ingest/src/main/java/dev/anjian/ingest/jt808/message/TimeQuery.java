package dev.anjian.ingest.jt808.message;

/** 0x0004 query server time (2019): empty body; answered with 0x8004. */
public record TimeQuery() implements Jt808Message {

    @Override
    public int messageId() {
        return MessageIds.TIME_QUERY;
    }
}
