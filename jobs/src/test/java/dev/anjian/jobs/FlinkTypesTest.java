package dev.anjian.jobs;

import static dev.anjian.jobs.TestDevices.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmIds;
import dev.anjian.events.AlarmState;
import dev.anjian.events.AlarmType;
import dev.anjian.events.Connectivity;
import dev.anjian.events.DeadLetter;
import dev.anjian.events.Device;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.Industry;
import dev.anjian.events.AlarmCommand;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.DeviceStatus;
import dev.anjian.jobs.lifecycle.Episode;
import dev.anjian.jobs.offline.Presence;
import dev.anjian.jobs.quality.MetricHealth;
import dev.anjian.jobs.threshold.SuppressionWindow;
import dev.anjian.jobs.threshold.ThresholdState;
import dev.anjian.jobs.vehicle.VehicleTrack;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our records travel between Flink operators and sit in state as Flink POJO types (records supported,
 * built-in List serializer for Device.metrics and MetricSpec.levels), never through Kryo: with generic
 * types disabled each one gets a serializer and survives a round trip, nulls included.
 */
class FlinkTypesTest {

    private static final SerializerConfigImpl NO_KRYO = new SerializerConfigImpl();

    static {
        NO_KRYO.setGenericTypes(false);
    }

    static Stream<Arguments> records() {
        Device gas = TestDevices.gasSensor("GAS-1", TestDevices.methane(10, 3), TestDevices.oxygen());
        DeviceEvent reading = TestDevices.reading("GAS-1", "CH4", 1.2, 0).asBackfilled();
        return Stream.of(
                Arguments.of(TypeInformation.of(Device.class), gas),
                Arguments.of(TypeInformation.of(Device.class), TestDevices.vehicleTerminal("VT-1")),
                Arguments.of(TypeInformation.of(DeviceEvent.class), reading),
                Arguments.of(TypeInformation.of(DeviceEvent.class), TestDevices.location("VT-1", 3)),
                Arguments.of(TypeInformation.of(DeviceEvent.class), DeviceEvent.connectivity("VT-1", at(4),
                        new Connectivity(Connectivity.State.DISCONNECTED, "jt808-1", "idle timeout"))),
                Arguments.of(TypeInformation.of(AlarmEvent.class), new AlarmEvent(AlarmIds.of("GAS-1", "threshold:CH4",
                        at(0)), AlarmState.RAISED, AlarmType.THRESHOLD, "threshold:CH4", "GAS-1", "E1", "", "410400",
                        Industry.COAL_MINE, "", "CH4", "%", 1, 1.2, 1.0, at(0), at(0), false, null, null)),
                Arguments.of(TypeInformation.of(DeadLetter.class), DeadLetter.of("jobs", "t/0@1", "bad",
                        "{\"x\":".getBytes(StandardCharsets.UTF_8), at(0))),
                Arguments.of(TypeInformation.of(RegistryUpdate.class), RegistryUpdate.registered(gas)),
                Arguments.of(TypeInformation.of(RegistryUpdate.class), RegistryUpdate.removed("GAS-1")),
                Arguments.of(TypeInformation.of(RegisteredEvent.class), RegisteredEvent.of(reading, gas)),
                Arguments.of(TypeInformation.of(new TypeHint<Decoded<DeviceEvent>>() { }), Decoded.of(reading)),
                Arguments.of(TypeInformation.of(new TypeHint<Decoded<DeviceEvent>>() { }),
                        Decoded.rejected(DeadLetter.of("jobs", "t/0@2", "not JSON", new byte[] {1, 2}, at(0)))),
                Arguments.of(TypeInformation.of(ThresholdState.class), new ThresholdState(
                        ThresholdState.Phase.ACTIVE, at(0), 3, 2, 1, at(5))),
                Arguments.of(TypeInformation.of(DeviceControl.class), DeviceControl.of(RegistryUpdate.registered(gas))),
                Arguments.of(TypeInformation.of(DeviceControl.class), DeviceControl.suppress(new AlarmCommand(
                        AlarmCommand.Type.SUPPRESS, null, "GAS-1", "王工", "calibration", at(0), at(60)))),
                Arguments.of(TypeInformation.of(DeviceInput.class), DeviceInput.of(reading)),
                Arguments.of(TypeInformation.of(DeviceInput.class),
                        DeviceInput.of(DeviceControl.of(RegistryUpdate.registered(gas)))),
                Arguments.of(TypeInformation.of(AlarmCommand.class), new AlarmCommand(AlarmCommand.Type.ACKNOWLEDGE,
                        "A123", "GAS-1", "王工", "", at(0), 0)),
                Arguments.of(TypeInformation.of(DeviceStatus.class), new DeviceStatus("GAS-1", DeviceStatus.Status.OFFLINE,
                        at(0), "no message for 60 s", "E1", "410400", Industry.COAL_MINE, DeviceKind.GAS_SENSOR)),
                Arguments.of(TypeInformation.of(SuppressionWindow.class), new SuppressionWindow(at(0), at(60), "王工")),
                Arguments.of(TypeInformation.of(MetricHealth.class), new MetricHealth(at(0), "FAULT", 0.42, at(1), 0)),
                Arguments.of(TypeInformation.of(Presence.class), new Presence(Presence.Status.ONLINE, at(0), at(60),
                        "no message for 60 s", at(60), 0)),
                Arguments.of(TypeInformation.of(VehicleTrack.class), new VehicleTrack(at(0), 2, 4, 1, 0, at(0), 0,
                        at(0), 0, 0, 0, at(0), at(0) + 1)),
                Arguments.of(TypeInformation.of(Episode.class), new Episode(new AlarmEvent("A1", AlarmState.CLEARED,
                        AlarmType.VEHICLE, "jt808:sos", "VT-1", "E1", "", "410100", Industry.ROAD_TRANSPORT, "", null, "",
                        1, 0, 0, at(0), at(1), false, "李", "ok"), false, true, false, at(2))));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("records")
    <T> void isAFlinkPojoThatRoundTripsWithoutKryo(TypeInformation<T> type, T value) throws Exception {
        assertThat(type).isInstanceOf(PojoTypeInfo.class);
        TypeSerializer<T> serializer = type.createSerializer(NO_KRYO);

        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        T back = serializer.deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));

        assertThat(back).isEqualTo(value);
        assertThat(serializer.copy(value)).isEqualTo(value);
    }

    /** Proves the check above could fail: a type Flink cannot analyse is refused, not silently Kryo'd. */
    @Test
    void aGenericTypeIsRefusedWhenGenericTypesAreDisabled() {
        TypeInformation<NotAPojo> generic = TypeInformation.of(NotAPojo.class);
        assertThatThrownBy(() -> generic.createSerializer(NO_KRYO))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Generic types have been disabled");
    }

    static final class NotAPojo {
        private final Object anything;

        NotAPojo(Object anything) {
            this.anything = anything;
        }

        Object anything() {
            return anything;
        }
    }
}
