package dev.anjian.jobs;

import dev.anjian.events.DeadLetter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes decoded values on and sends rejected input to {@link #REJECTED} (then the dead-letter topic),
 * counted in the metric {@code rejectedRecords} and logged (every one at DEBUG, a doubling sample at WARN).
 */
public final class SplitRejected<T> extends ProcessFunction<Decoded<T>, T> {

    public static final OutputTag<DeadLetter> REJECTED = new OutputTag<>("rejected", TypeInformation.of(DeadLetter.class));

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SplitRejected.class);

    private transient Counter rejected;

    @Override
    public void open(OpenContext openContext) {
        rejected = getRuntimeContext().getMetricGroup().counter("rejectedRecords");
    }

    @Override
    public void processElement(Decoded<T> decoded, Context ctx, Collector<T> out) {
        if (decoded.isRejected()) {
            DeadLetter letter = decoded.rejected();
            rejected.inc();
            long count = rejected.getCount();
            if (Long.bitCount(count) == 1) { // 1st, 2nd, 4th, 8th ...: visible without flooding the log
                LOG.warn("record {} ({} bytes) rejected to dead-letter ({} so far in this subtask): {}",
                        letter.origin(), letter.rawLength(), count, letter.reason());
            } else {
                LOG.debug("record {} rejected to dead-letter: {}", letter.origin(), letter.reason());
            }
            ctx.output(REJECTED, letter);
        } else {
            out.collect(decoded.value());
        }
    }
}
