package dev.anjian.jobs;

import static dev.anjian.jobs.TestDevices.gasSensor;
import static dev.anjian.jobs.TestDevices.methane;
import static dev.anjian.jobs.TestDevices.reading;
import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.EventJson;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One enterprise cannot feed another's alarms: a claimed enterprise must be the registered one. */
class EnterpriseGateTest {

    private static final String GAS = "GAS-A1"; // registered to E-PDS-01 by TestDevices

    private KeyedOneInputStreamOperatorTestHarness<String, DeviceInput, DeviceInput> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new EnterpriseGate()),
                DeviceInput::deviceId, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void eventsUnderTheRegisteredEnterpriseOrWithoutAClaimPass() throws Exception {
        register();
        DeviceEvent own = reading(GAS, "CH4", 0.4, 1).withEnterprise("E-PDS-01");
        DeviceEvent unclaimed = reading(GAS, "CH4", 0.4, 2);
        send(own);
        send(unclaimed);

        assertThat(harness.extractOutputValues()).extracting(DeviceInput::event)
                .containsExactly(null, own, unclaimed); // the registry control passes through first
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void anEventUnderAnotherEnterpriseIsDeadLetteredAndReachesNoDetector() throws Exception {
        register();
        DeviceEvent foreign = reading(GAS, "CH4", 9.9, 1).withEnterprise("E-OTHER");
        send(foreign);

        assertThat(harness.extractOutputValues()).extracting(DeviceInput::event).containsExactly((DeviceEvent) null);
        assertThat(deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("device GAS-A1 is registered to enterprise E-PDS-01, not E-OTHER");
            assertThat(EventJson.read(letter.raw(), DeviceEvent.class)).isEqualTo(foreign);
        });
    }

    @Test
    void unregisteredDevicesPassForTheThresholdDetectorToDeadLetterAndRemovalLeavesNoState() throws Exception {
        DeviceEvent stranger = reading("STRANGER", "CH4", 0.4, 1).withEnterprise("E-X");
        send(stranger);
        assertThat(harness.extractOutputValues()).extracting(DeviceInput::event).containsExactly(stranger);

        register();
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        harness.processElement(new StreamRecord<>(DeviceInput.of(DeviceControl.of(new RegistryUpdate(GAS, null))), 0));
        assertThat(harness.numKeyedStateEntries()).isZero();
        send(reading(GAS, "CH4", 0.4, 3).withEnterprise("E-OTHER"));
        assertThat(deadLetters()).isEmpty();
    }

    private void register() throws Exception {
        harness.processElement(new StreamRecord<>(
                DeviceInput.of(DeviceControl.of(new RegistryUpdate(GAS, gasSensor(GAS, methane(0, 0))))), 0));
    }

    private void send(DeviceEvent event) throws Exception {
        harness.processElement(new StreamRecord<>(DeviceInput.of(event), event.eventTime()));
    }

    private List<DeadLetter> deadLetters() {
        var records = harness.getSideOutput(EnterpriseGate.DEAD_LETTERS);
        return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
    }
}
