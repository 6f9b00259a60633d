package dev.anjian.ingest.jt808;

import dev.anjian.events.DeadLetter;
import dev.anjian.ingest.jt808.codec.BadInput;
import java.time.Clock;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every refused input, the same way: counted, logged, and written to dead-letter (source "jt808", origin
 * remote address and terminal, the raw bytes; the raw hex also in the reason when it is short). Logging is
 * at WARN for the first few of a connection and DEBUG after, so a flood of garbage cannot flood the log.
 */
final class Rejections {

    static final String SOURCE = "jt808";
    private static final Logger LOG = LoggerFactory.getLogger(Rejections.class);
    private static final int HEX_IN_REASON_MAX_BYTES = 64;

    private final PublishLane lane;
    private final Jt808Counters counters;
    private final Clock clock;

    Rejections(PublishLane lane, Jt808Counters counters, Clock clock) {
        this.lane = lane;
        this.counters = counters;
        this.clock = clock;
    }

    void reject(String origin, BadInput reason, String detail, byte[] raw, boolean loud) {
        counters.countRejected(reason);
        String text = reason + ": " + detail
                + (raw.length <= HEX_IN_REASON_MAX_BYTES ? " [raw " + HexFormat.of().formatHex(raw) + "]" : "");
        if (loud) {
            LOG.warn("{} rejected {}", origin, text);
        } else {
            LOG.debug("{} rejected {}", origin, text);
        }
        lane.deadLetter(DeadLetter.of(SOURCE, origin, text, raw, clock.millis())).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("dead letter from {} not written to Kafka: {} (reason was: {})", origin, error.toString(), text);
            }
        });
    }
}
