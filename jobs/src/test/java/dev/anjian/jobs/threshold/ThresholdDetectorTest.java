package dev.anjian.jobs.threshold;

import static dev.anjian.jobs.TestDevices.at;
import static dev.anjian.jobs.TestDevices.gasSensor;
import static dev.anjian.jobs.TestDevices.methane;
import static dev.anjian.jobs.TestDevices.oxygen;
import static dev.anjian.jobs.TestDevices.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmIds;
import dev.anjian.events.AlarmState;
import dev.anjian.events.AlarmType;
import dev.anjian.events.Connectivity;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.EventJson;
import dev.anjian.events.MetricSpec;
import dev.anjian.events.Quality;
import dev.anjian.jobs.DeviceControl;
import dev.anjian.jobs.Lateness;
import dev.anjian.jobs.RegisteredEvent;
import dev.anjian.jobs.RegistryUpdate;
import dev.anjian.jobs.TestDevices;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ThresholdDetectorTest {

    private static final String GAS = "HN-PDS-CM01-CH4-T1";
    /** Late = received more than 5 minutes after it was taken. */
    private static final Lateness LATENESS = new Lateness(300_000);

    /** One reading of a scenario: value at T0 + seconds, quality NORMAL unless stated. */
    record In(int atSeconds, double value, Quality quality) {
        In(int atSeconds, double value) {
            this(atSeconds, value, Quality.NORMAL);
        }
    }

    /** One expected alarm event: state, level, the reading's value and time, the threshold, the episode start. */
    record Out(AlarmState state, int level, double value, int atSeconds, double threshold, int episodeStartSeconds) {
    }

    private KeyedTwoInputStreamOperatorTestHarness<String, DeviceEvent, DeviceControl, AlarmEvent> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness = newHarness();
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    static Stream<Arguments> scenarios() {
        MetricSpec immediate = methane(0, 0);
        return Stream.of(
                Arguments.of("immediate raise at level 1 (exactly at the threshold)", immediate,
                        List.of(new In(0, 0.5), new In(10, 1.0)),
                        List.of(new Out(AlarmState.RAISED, 1, 1.0, 10, 1.0, 10))),
                Arguments.of("debounce by samples: the 3rd consecutive breach raises", methane(0, 3),
                        List.of(new In(0, 1.1), new In(10, 1.2), new In(20, 1.3)),
                        List.of(new Out(AlarmState.RAISED, 1, 1.3, 20, 1.0, 0))),
                Arguments.of("debounce by samples: a safe reading resets the count", methane(0, 3),
                        List.of(new In(0, 1.1), new In(10, 1.2), new In(20, 0.9), new In(30, 1.1), new In(40, 1.1),
                                new In(50, 1.2)),
                        List.of(new Out(AlarmState.RAISED, 1, 1.2, 50, 1.0, 30))),
                Arguments.of("debounce by seconds: raises once the breach held 30 s", methane(30, 0),
                        List.of(new In(0, 1.1), new In(10, 1.2), new In(29, 1.1), new In(30, 1.2)),
                        List.of(new Out(AlarmState.RAISED, 1, 1.2, 30, 1.0, 0))),
                Arguments.of("debounce raises at the current level, not the spike's", methane(0, 2),
                        List.of(new In(0, 1.6), new In(10, 1.1), new In(20, 1.7)),
                        List.of(new Out(AlarmState.RAISED, 1, 1.1, 10, 1.0, 0),
                                new Out(AlarmState.ESCALATED, 2, 1.7, 20, 1.5, 0))),
                Arguments.of("escalation 1 -> 2 once, no de-escalation, clear reports the highest level", immediate,
                        List.of(new In(0, 1.1), new In(10, 1.6), new In(20, 1.7), new In(30, 1.2), new In(40, 1.6),
                                new In(50, 0.5)),
                        List.of(new Out(AlarmState.RAISED, 1, 1.1, 0, 1.0, 0),
                                new Out(AlarmState.ESCALATED, 2, 1.6, 10, 1.5, 0),
                                new Out(AlarmState.CLEARED, 2, 0.5, 50, 0.8, 0))),
                Arguments.of("straight to level 2 raises level 2", immediate,
                        List.of(new In(0, 2.0)),
                        List.of(new Out(AlarmState.RAISED, 2, 2.0, 0, 1.5, 0))),
                Arguments.of("hysteresis: between clear and level 1 stays open, at clear too; below clear clears",
                        immediate,
                        List.of(new In(0, 1.1), new In(10, 0.9), new In(20, 0.8), new In(30, 1.05), new In(40, 0.79)),
                        List.of(new Out(AlarmState.RAISED, 1, 1.1, 0, 1.0, 0),
                                new Out(AlarmState.CLEARED, 1, 0.79, 40, 0.8, 0))),
                Arguments.of("flapping around level 1 with debounce: no storm", methane(0, 2),
                        List.of(new In(0, 1.1), new In(5, 0.9), new In(10, 1.1), new In(15, 0.9), new In(20, 1.1),
                                new In(25, 0.9), new In(30, 1.1), new In(35, 1.1), new In(40, 0.9), new In(45, 1.1),
                                new In(50, 0.95), new In(55, 1.05), new In(60, 0.5), new In(65, 0.9), new In(70, 1.1),
                                new In(75, 0.5), new In(80, 0.4)),
                        List.of(new Out(AlarmState.RAISED, 1, 1.1, 35, 1.0, 30),
                                new Out(AlarmState.CLEARED, 1, 0.4, 80, 0.8, 30))),
                Arguments.of("LOW direction: oxygen deficiency raises, escalates and clears above 20 %", oxygen(),
                        List.of(new In(0, 20.9), new In(10, 19.5), new In(20, 17.9), new In(30, 19.8), new In(40, 20.0),
                                new In(50, 20.5)),
                        List.of(new Out(AlarmState.RAISED, 1, 19.5, 10, 19.5, 10),
                                new Out(AlarmState.ESCALATED, 2, 17.9, 20, 18.0, 10),
                                new Out(AlarmState.CLEARED, 2, 20.5, 50, 20.0, 10))),
                Arguments.of("readings not NORMAL are not evaluated: no raise, no reset, no clear", methane(0, 2),
                        List.of(new In(0, 1.1), new In(5, 0.1, Quality.CALIBRATING), new In(10, 1.1),
                                new In(20, 5.0, Quality.OVER_RANGE), new In(30, 0.1, Quality.FAULT), new In(40, 0.5),
                                new In(45, 0.2, Quality.MAINTENANCE), new In(50, 0.4)),
                        List.of(new Out(AlarmState.RAISED, 1, 1.1, 10, 1.0, 0),
                                new Out(AlarmState.CLEARED, 1, 0.4, 50, 0.8, 0))),
                Arguments.of("clear-side debounce by samples: a single dip below clear does not clear", methane(0, 2),
                        List.of(new In(0, 1.1), new In(5, 1.1), new In(10, 0.5), new In(15, 1.0), new In(20, 0.5),
                                new In(25, 0.7), new In(30, 0.9)),
                        List.of(new Out(AlarmState.RAISED, 1, 1.1, 5, 1.0, 0),
                                new Out(AlarmState.CLEARED, 1, 0.7, 25, 0.8, 0))),
                Arguments.of("clear-side debounce by seconds: clears once safe for 30 s", methane(30, 0),
                        List.of(new In(0, 1.2), new In(30, 1.2), new In(40, 0.5), new In(60, 0.5), new In(65, 1.1),
                                new In(70, 0.5), new In(90, 0.5), new In(100, 0.5)),
                        List.of(new Out(AlarmState.RAISED, 1, 1.2, 30, 1.0, 0),
                                new Out(AlarmState.CLEARED, 1, 0.5, 100, 0.8, 0))),
                Arguments.of("clear threshold equal to level 1 (methane T1 rule): hovering is one episode",
                        new MetricSpec("CH4", "%", dev.anjian.events.Direction.HIGH, List.of(1.0, 1.5), 1.0, 0, 2),
                        List.of(new In(0, 1.04), new In(2, 0.96), new In(4, 0.96), new In(6, 1.04), new In(8, 0.96),
                                new In(10, 0.96), new In(12, 1.04), new In(14, 1.04), new In(16, 0.96), new In(18, 1.04),
                                new In(20, 1.04), new In(22, 0.96), new In(24, 1.04), new In(26, 0.5), new In(28, 0.4)),
                        List.of(new Out(AlarmState.RAISED, 1, 1.04, 14, 1.0, 12),
                                new Out(AlarmState.CLEARED, 1, 0.4, 28, 1.0, 12))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void emitsExactlyTheExpectedAlarmEvents(String scenario, MetricSpec spec, List<In> readings, List<Out> expected)
            throws Exception {
        register(gasSensor(GAS, spec));
        for (In in : readings) {
            send(reading(GAS, spec.metric(), in.value(), in.atSeconds(), in.quality()));
        }

        List<AlarmEvent> alarms = harness.extractOutputValues();
        assertThat(alarms).extracting(a -> new Out(a.state(), a.level(), a.value(),
                        (int) ((a.eventTime() - at(0)) / 1000), a.threshold(), (int) ((a.episodeStart() - at(0)) / 1000)))
                .containsExactlyElementsOf(expected);
        assertThat(alarms).allSatisfy(a -> {
            assertThat(a.alarmId()).isEqualTo(AlarmIds.of(GAS, "threshold:" + spec.metric(), a.episodeStart()));
            assertThat(a.rule()).isEqualTo("threshold:" + spec.metric());
        });
    }

    @Test
    void alarmCarriesTheDevicesOwnerPlaceAndUnit() throws Exception {
        Device device = gasSensor(GAS, methane(0, 0));
        register(device);
        send(reading(GAS, "CH4", 1.2, 0).asBackfilled());

        AlarmEvent raised = harness.extractOutputValues().get(0);
        assertThat(raised).isEqualTo(new AlarmEvent(AlarmIds.of(GAS, "threshold:CH4", at(0)), AlarmState.RAISED,
                AlarmType.THRESHOLD, "threshold:CH4", GAS, "E-PDS-01", "平顶山一矿", "410400", device.industry(),
                "working face 21130 T1", "CH4", "%", 1, 1.2, 1.0, at(0), at(0), true, null, null));
    }

    @Test
    void stateShrinksBackToTheRegistrationOnceTheEpisodeClears() throws Exception {
        register(gasSensor(GAS, methane(0, 2), oxygen()));
        assertThat(harness.numKeyedStateEntries()).as("only the registration").isEqualTo(1);

        send(reading(GAS, "CH4", 1.1, 0));
        assertThat(harness.numKeyedStateEntries()).as("registration + pending CH4").isEqualTo(2);
        send(reading(GAS, "CH4", 0.9, 10));
        assertThat(harness.numKeyedStateEntries()).as("pending reset leaves nothing behind").isEqualTo(1);

        send(reading(GAS, "CH4", 1.1, 20));
        send(reading(GAS, "CH4", 1.2, 30));
        send(reading(GAS, "O2", 19.0, 30));
        send(reading(GAS, "O2", 21.0, 40));
        send(reading(GAS, "CH4", 0.5, 50));
        send(reading(GAS, "CH4", 0.4, 55));

        assertThat(harness.extractOutputValues()).extracting(AlarmEvent::metric, AlarmEvent::state).containsExactly(
                tuple("CH4", AlarmState.RAISED),
                tuple("O2", AlarmState.RAISED),
                tuple("O2", AlarmState.CLEARED),
                tuple("CH4", AlarmState.CLEARED));
        assertThat(harness.numKeyedStateEntries()).as("back to only the registration").isEqualTo(1);
    }

    @Test
    void removedDeviceDropsItsStateAndIsThenUnregistered() throws Exception {
        register(gasSensor(GAS, methane(0, 0)));
        send(reading(GAS, "CH4", 1.6, 0));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);

        harness.processElement2(DeviceControl.of(RegistryUpdate.removed(GAS)), at(10));
        assertThat(harness.numKeyedStateEntries()).isZero();

        send(reading(GAS, "CH4", 0.1, 20));
        assertThat(harness.extractOutputValues()).as("the open episode ends visibly, under its own id")
                .extracting(AlarmEvent::state, AlarmEvent::alarmId, AlarmEvent::note)
                .containsExactly(tuple(AlarmState.RAISED, AlarmIds.of(GAS, "threshold:CH4", at(0)), null),
                        tuple(AlarmState.CLEARED, AlarmIds.of(GAS, "threshold:CH4", at(0)),
                                "device removed from the registry"));
        assertThat(deadLetters()).extracting(DeadLetter::reason).containsExactly("unregistered device " + GAS);
    }

    @Test
    void registryUpdateDropsStateOfMetricsNoLongerMonitored() throws Exception {
        register(gasSensor(GAS, methane(0, 0), oxygen()));
        send(reading(GAS, "CH4", 1.6, 0));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);

        register(gasSensor(GAS, oxygen()));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        send(reading(GAS, "CH4", 0.1, 10));
        assertThat(harness.extractOutputValues()).as("the open CH4 episode ends visibly, under its own id")
                .extracting(AlarmEvent::state, AlarmEvent::alarmId, AlarmEvent::note)
                .containsExactly(tuple(AlarmState.RAISED, AlarmIds.of(GAS, "threshold:CH4", at(0)), null),
                        tuple(AlarmState.CLEARED, AlarmIds.of(GAS, "threshold:CH4", at(0)),
                                "metric no longer monitored in the registry"));
    }

    @Test
    void eventsOfUnregisteredDevicesAreDeadLetteredWithTheEventAsRawBytes() throws Exception {
        register(gasSensor(GAS, methane(0, 0)));
        DeviceEvent stranger = reading("UNKNOWN-7", "CH4", 3.0, 0);
        send(stranger);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(registeredEvents()).isEmpty();
        DeadLetter letter = deadLetters().get(0);
        assertThat(letter.source()).isEqualTo("jobs");
        assertThat(letter.reason()).isEqualTo("unregistered device UNKNOWN-7");
        assertThat(EventJson.read(letter.raw(), DeviceEvent.class)).isEqualTo(stranger);
        assertThat(letter.receivedAt()).isEqualTo(stranger.receivedAt());
        assertThat(harness.numKeyedStateEntries()).as("nothing kept for a stranger").isEqualTo(1);
    }

    @Test
    void readingsAndLocationsOfRegisteredDevicesAreForwardedForStorage() throws Exception {
        register(gasSensor(GAS, methane(0, 0)));
        register(TestDevices.vehicleTerminal("VT-1"));
        DeviceEvent unmonitored = reading(GAS, "TEMP", 31.5, 0);
        DeviceEvent position = TestDevices.location("VT-1", 5);
        send(unmonitored);
        send(position);
        send(DeviceEvent.connectivity("VT-1", at(6), new Connectivity(
                Connectivity.State.CONNECTED, "jt808-1", "")));

        assertThat(harness.extractOutputValues()).as("a metric without spec raises nothing").isEmpty();
        assertThat(registeredEvents()).extracting(RegisteredEvent::event).containsExactly(unmonitored, position);
        assertThat(registeredEvents().get(0)).extracting(RegisteredEvent::enterpriseId, RegisteredEvent::regionCode)
                .containsExactly("E-PDS-01", "410400");
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void theSameInputGivesTheSameAlarmIds() throws Exception {
        List<DeviceEvent> input = List.of(reading(GAS, "CH4", 1.1, 0), reading(GAS, "CH4", 1.6, 10),
                reading(GAS, "CH4", 0.5, 20), reading(GAS, "CH4", 1.2, 30), reading(GAS, "CH4", 0.1, 40));
        List<String> first = alarmIdsFor(harness, input);
        KeyedTwoInputStreamOperatorTestHarness<String, DeviceEvent, DeviceControl, AlarmEvent> replay = newHarness();
        List<String> second = alarmIdsFor(replay, input);
        replay.close();

        assertThat(second).hasSize(5).isEqualTo(first);
        assertThat(first.subList(0, 3)).as("one id per episode").containsOnly(first.get(0));
        assertThat(first.get(3)).as("a new episode, a new id").isNotEqualTo(first.get(0));
    }

    private List<String> alarmIdsFor(
            KeyedTwoInputStreamOperatorTestHarness<String, DeviceEvent, DeviceControl, AlarmEvent> h,
            List<DeviceEvent> input) throws Exception {
        h.processElement2(DeviceControl.of(RegistryUpdate.registered(gasSensor(GAS, methane(0, 0)))), at(0));
        for (DeviceEvent event : input) {
            h.processElement1(event, event.eventTime());
        }
        return h.extractOutputValues().stream().map(AlarmEvent::alarmId).toList();
    }

    /** A harness whose serializers refuse Kryo: state types must be Flink POJO/record types. */
    private static KeyedTwoInputStreamOperatorTestHarness<String, DeviceEvent, DeviceControl, AlarmEvent> newHarness()
            throws Exception {
        var h = new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(new ThresholdDetector(LATENESS)),
                DeviceEvent::deviceId, DeviceControl::deviceId, Types.STRING);
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        h.getExecutionConfig().configure(noKryo, ThresholdDetectorTest.class.getClassLoader());
        h.setup();
        h.open();
        return h;
    }

    private void register(Device device) throws Exception {
        harness.processElement2(DeviceControl.of(RegistryUpdate.registered(device)), at(0));
    }

    private void send(DeviceEvent event) throws Exception {
        harness.processElement1(event, event.eventTime());
    }

    private List<DeadLetter> deadLetters() {
        var queue = harness.getSideOutput(ThresholdDetector.DEAD_LETTERS);
        return queue == null ? List.of() : queue.stream().map(StreamRecord::getValue).toList();
    }

    private List<RegisteredEvent> registeredEvents() {
        var queue = harness.getSideOutput(ThresholdDetector.REGISTERED_EVENTS);
        return queue == null ? List.of() : queue.stream().map(StreamRecord::getValue).toList();
    }
}
