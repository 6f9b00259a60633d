package dev.anjian.jobs.influx;

import static dev.anjian.jobs.TestDevices.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmState;
import dev.anjian.events.AlarmType;
import dev.anjian.events.Connectivity;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.DeviceStatus;
import dev.anjian.events.Industry;
import dev.anjian.events.Quality;
import dev.anjian.events.SensorReading;
import dev.anjian.jobs.RegisteredEvent;
import dev.anjian.jobs.TestDevices;
import org.junit.jupiter.api.Test;

/**
 * The exact line protocol of each measurement (DESIGN.md "Storage"), time in ms, as the sink's batch writes
 * it and, the same line, as the influxdb-java Point of {@code toPoint} writes it (what the sink wrote before).
 */
class PointMappersTest {

    @Test
    void readingPoint() {
        var gas = TestDevices.gasSensor("GAS-1", TestDevices.methane(0, 0));

        assertLine(new EventPoints(), RegisteredEvent.of(TestDevices.reading("GAS-1", "CH4", 0.42, 0), gas),
                "reading,device=GAS-1,enterprise=E-PDS-01,industry=COAL_MINE,kind=GAS_SENSOR,metric=CH4,region=410400 "
                        + "quality=\"NORMAL\",value=0.42 1795939200000\n");
    }

    @Test
    void readingTagsEscapeSpaceCommaAndEquals() {
        var event = DeviceEvent.reading("GAS 1,A=2", at(0), at(0), new SensorReading("CH4", 1.0, "%", Quality.FAULT));
        var registered = new RegisteredEvent(event, "E 1,x=y", "410100", Industry.COAL_MINE, DeviceKind.GAS_SENSOR);

        assertLine(new EventPoints(), registered,
                "reading,device=GAS\\ 1\\,A\\=2,enterprise=E\\ 1\\,x\\=y,industry=COAL_MINE,kind=GAS_SENSOR,metric=CH4,"
                        + "region=410100 quality=\"FAULT\",value=1.0 1795939200000\n");
    }

    @Test
    void vehiclePoint() {
        var bus = TestDevices.vehicleTerminal("VT-1");

        assertLine(new EventPoints(), RegisteredEvent.of(TestDevices.location("VT-1", 0), bus),
                "vehicle,device=VT-1,enterprise=E-ZZ-BUS,region=410100 "
                        + "alarm_bits=0i,direction=90i,lat=34.7466,lon=113.6253,speed=62.5,status_bits=3i 1795939200000\n");
    }

    @Test
    void connectivityHasNoPoint() {
        var bus = TestDevices.vehicleTerminal("VT-1");
        var event = DeviceEvent.connectivity("VT-1", at(0), new Connectivity(Connectivity.State.CONNECTED, "gw", ""));
        LineBatch batch = new LineBatch();

        assertThat(new EventPoints().toPoint(RegisteredEvent.of(event, bus))).isNull();
        assertThat(new EventPoints().appendTo(batch, RegisteredEvent.of(event, bus))).isFalse();
        assertThat(batch.lines()).isZero();
        assertThat(batch.text()).isEmpty();
    }

    @Test
    void alarmPoint() {
        var alarm = new AlarmEvent("A0123456789abcde", AlarmState.CLEARED, AlarmType.THRESHOLD, "threshold:CH4", "GAS-1",
                "E-PDS-01", "", "410400", Industry.COAL_MINE, "", "CH4", "%", 2, 0.5, 0.8, at(0), at(50), false, null, null);

        assertLine(new AlarmPoints(), alarm,
                "alarm,device=GAS-1,enterprise=E-PDS-01,level=2,region=410400,state=CLEARED,type=THRESHOLD "
                        + "alarm_id=\"A0123456789abcde\",metric=\"CH4\",rule=\"threshold:CH4\",threshold=0.8,value=0.5 "
                        + "1795939250000\n");
    }

    @Test
    void acknowledgedAlarmPointNamesTheOperatorAndEscapesQuotesAndBackslashesOnly() {
        var alarm = new AlarmEvent("A0123456789abcde", AlarmState.ACKNOWLEDGED, AlarmType.VEHICLE, "jt808:sos", "VT-1",
                "E-ZZ-BUS", "", "410100", Industry.ROAD_TRANSPORT, "", null, "", 1, 0, 0, at(0), at(30), false, "李 调度",
                "说 \"已联系\", a=b C:\\temp");

        assertLine(new AlarmPoints(), alarm,
                "alarm,device=VT-1,enterprise=E-ZZ-BUS,level=1,region=410100,state=ACKNOWLEDGED,type=VEHICLE "
                        + "alarm_id=\"A0123456789abcde\",note=\"说 \\\"已联系\\\", a=b C:\\\\temp\",operator=\"李 调度\","
                        + "rule=\"jt808:sos\",threshold=0.0,value=0.0 1795939230000\n");
    }

    @Test
    void deviceStatusPoint() {
        var status = new DeviceStatus("GAS-1", DeviceStatus.Status.OFFLINE, at(60), "no \"message\" for 60 s \\ gw",
                "E-PDS-01", "410400", Industry.COAL_MINE, DeviceKind.GAS_SENSOR);

        assertLine(new StatusPoints(), status,
                "device_status,device=GAS-1,enterprise=E-PDS-01,industry=COAL_MINE,kind=GAS_SENSOR,region=410400 "
                        + "online=0i,reason=\"no \\\"message\\\" for 60 s \\\\ gw\" 1795939260000\n");
    }

    /** The batch's bytes are the golden line, and so is influxdb-java's line of the mapper's Point. */
    static <T> void assertLine(PointMapper<T> mapper, T element, String golden) {
        LineBatch batch = new LineBatch();
        assertThat(mapper.appendTo(batch, element)).isTrue();
        assertThat(batch.text()).isEqualTo(golden);
        assertThat(batch.lines()).isEqualTo(1);
        assertThat(mapper.toPoint(element).lineProtocol(mapper.precision()) + "\n").isEqualTo(golden);
    }
}
