package dev.anjian.jobs;

import java.io.Serializable;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Runs a two-input {@link KeyedCoProcessFunction} (a detector: events on input 1, its controls on input 2)
 * as a ONE-input keyed operator over a merged stream, splitting each element with {@code first} and
 * {@code second} (null: not for this detector). Why: Flink never chains a two-input operator to its
 * upstream, so four detectors connected to the registry meant four keyed exchanges per event; one-input
 * operators on a stream already keyed by device id ({@code DataStreamUtils.reinterpretAsKeyedStream})
 * chain behind a single exchange. The detectors themselves, their state and timers are unchanged.
 */
public final class KeyedInputSplit<K, IN, I1, I2, O> extends KeyedCoProcessOperator<K, I1, I2, O>
        implements OneInputStreamOperator<IN, O> {

    private static final long serialVersionUID = 1L;

    /** Picks a detector's input out of the merged element; null when the element is not for it. */
    @FunctionalInterface
    public interface Pick<IN, T> extends Serializable {
        T from(IN element);
    }

    private final Pick<IN, I1> first;
    private final Pick<IN, I2> second;

    public KeyedInputSplit(KeyedCoProcessFunction<K, I1, I2, O> function, Pick<IN, I1> first, Pick<IN, I2> second) {
        super(function);
        this.first = first;
        this.second = second;
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        IN value = element.getValue();
        I1 one = first.from(value);
        if (one != null) {
            processElement1(copy(element, one));
            return;
        }
        I2 two = second.from(value);
        if (two != null) {
            processElement2(copy(element, two));
        }
    }

    /** A new record, not {@code replace}: with object reuse, sibling operators in the chain see the same one. */
    private static <T> StreamRecord<T> copy(StreamRecord<?> element, T value) {
        return element.hasTimestamp() ? new StreamRecord<>(value, element.getTimestamp()) : new StreamRecord<>(value);
    }
}
