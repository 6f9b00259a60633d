package dev.anjian.jobs;

import static dev.anjian.jobs.TestDevices.at;
import static dev.anjian.jobs.TestDevices.gasSensor;
import static dev.anjian.jobs.TestDevices.methane;
import static dev.anjian.jobs.TestDevices.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmState;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceStatus;
import dev.anjian.jobs.offline.OfflineDetector;
import dev.anjian.jobs.threshold.ThresholdDetector;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** A two-input detector run as a one-input operator over the merged, keyed {@link DeviceInput} stream. */
class KeyedInputSplitTest {

    @Test
    void routesEventsAndControlsToTheDetectorsTwoInputsWithStatePerDevice() throws Exception {
        var harness = open(new KeyedInputSplit<String, DeviceInput, DeviceEvent, DeviceControl, AlarmEvent>(
                new ThresholdDetector(new Lateness(300_000)), DeviceInput::event, DeviceInput::control));
        harness.processElement(DeviceInput.of(DeviceControl.of(RegistryUpdate.registered(gasSensor("GAS-1",
                methane(0, 0))))), at(0));
        harness.processElement(DeviceInput.of(reading("GAS-1", "CH4", 1.2, 1)), at(1));
        harness.processElement(DeviceInput.of(reading("GAS-2", "CH4", 1.2, 1)), at(1));

        assertThat(values(harness)).extracting(AlarmEvent::deviceId, AlarmEvent::state)
                .as("the registered device's breach raises; its registration is not another device's")
                .containsExactly(tuple("GAS-1", AlarmState.RAISED));
        assertThat(deadLetters(harness)).containsExactly("unregistered device GAS-2");
        harness.close();
    }

    @Test
    void skipsElementsPickedForNeitherInput() throws Exception {
        var harness = open(new KeyedInputSplit<String, DeviceInput, DeviceEvent, DeviceControl, AlarmEvent>(
                new ThresholdDetector(new Lateness(300_000)), input -> input.eventOf(DeviceEvent.Type.VEHICLE_LOCATION),
                DeviceInput::control));
        harness.processElement(DeviceInput.of(reading("GAS-2", "CH4", 1.2, 1)), at(1));

        assertThat(deadLetters(harness)).as("a reading is not this detector's input: not even dead-lettered").isEmpty();
        assertThat(values(harness)).isEmpty();
        harness.close();
    }

    @Test
    void firesTheDetectorsProcessingTimeTimers() throws Exception {
        var harness = open(new KeyedInputSplit<String, DeviceInput, DeviceEvent, RegistryUpdate, DeviceStatus>(
                new OfflineDetector(Duration.ofSeconds(60), Duration.ZERO, Duration.ZERO), DeviceInput::event,
                DeviceInput::registryUpdate));
        harness.setProcessingTime(at(0));
        harness.processElement(DeviceInput.of(DeviceControl.of(RegistryUpdate.registered(gasSensor("GAS-1",
                methane(0, 0))))), at(0));
        harness.setProcessingTime(at(299));
        assertThat(values(harness)).isEmpty();

        harness.setProcessingTime(at(300)); // gasSensor's offline timeout: 300 s
        assertThat(values(harness)).extracting(DeviceStatus::status, DeviceStatus::since)
                .containsExactly(tuple(DeviceStatus.Status.OFFLINE, at(300)));
        harness.close();
    }

    private static <O> KeyedOneInputStreamOperatorTestHarness<String, DeviceInput, O> open(
            OneInputStreamOperator<DeviceInput, O> operator) throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(operator, DeviceInput::deviceId, Types.STRING);
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        harness.getExecutionConfig().configure(noKryo, KeyedInputSplitTest.class.getClassLoader());
        harness.open();
        return harness;
    }

    private static List<String> deadLetters(KeyedOneInputStreamOperatorTestHarness<String, DeviceInput, ?> harness) {
        var letters = harness.getSideOutput(ThresholdDetector.DEAD_LETTERS);
        return letters == null ? List.of() : letters.stream().map(r -> r.getValue().reason()).toList();
    }

    @SuppressWarnings("unchecked")
    private static <O> List<O> values(KeyedOneInputStreamOperatorTestHarness<String, DeviceInput, O> harness) {
        return harness.getOutput().stream().filter(StreamRecord.class::isInstance)
                .map(r -> ((StreamRecord<O>) r).getValue()).toList();
    }
}
