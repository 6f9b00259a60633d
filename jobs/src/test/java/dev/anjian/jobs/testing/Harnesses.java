package dev.anjian.jobs.testing;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;

/** Operator harnesses for the keyed detectors, refusing Kryo (state types must be Flink POJO/record types). */
public final class Harnesses {

    private Harnesses() {
    }

    public static <I1, I2, O> KeyedTwoInputStreamOperatorTestHarness<String, I1, I2, O> open(
            KeyedCoProcessFunction<String, I1, I2, O> function, KeySelector<I1, String> key1,
            KeySelector<I2, String> key2) throws Exception {
        return open(function, key1, key2, null);
    }

    /** Opened from {@code snapshot} (a checkpoint of an earlier harness) when not null: a restart. */
    public static <I1, I2, O> KeyedTwoInputStreamOperatorTestHarness<String, I1, I2, O> open(
            KeyedCoProcessFunction<String, I1, I2, O> function, KeySelector<I1, String> key1,
            KeySelector<I2, String> key2, OperatorSubtaskState snapshot) throws Exception {
        var harness = new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(function), key1, key2,
                Types.STRING);
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        harness.getExecutionConfig().configure(noKryo, Harnesses.class.getClassLoader());
        harness.setup();
        if (snapshot != null) {
            harness.initializeState(snapshot);
        }
        harness.open();
        return harness;
    }

    public static <T> List<T> sideOutput(KeyedTwoInputStreamOperatorTestHarness<String, ?, ?, ?> harness,
            OutputTag<T> tag) {
        var queue = harness.getSideOutput(tag);
        return queue == null ? List.of() : queue.stream().map(StreamRecord::getValue).toList();
    }
}
