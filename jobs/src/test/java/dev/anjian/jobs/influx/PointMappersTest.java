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
import dev.anjian.jobs.RegisteredEvent;
import dev.anjian.jobs.TestDevices;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The exact line protocol of each measurement (DESIGN.md "Storage"), time in ms. */
class PointMappersTest {

    @Test
    void readingPoint() {
        var gas = TestDevices.gasSensor("GAS-1", TestDevices.methane(0, 0));
        var point = new EventPoints().toPoint(RegisteredEvent.of(TestDevices.reading("GAS-1", "CH4", 0.42, 0), gas));

        assertThat(point.lineProtocol(TimeUnit.MILLISECONDS)).isEqualTo(
                "reading,device=GAS-1,enterprise=E-PDS-01,industry=COAL_MINE,kind=GAS_SENSOR,metric=CH4,region=410400 "
                        + "quality=\"NORMAL\",value=0.42 " + at(0));
    }

    @Test
    void vehiclePoint() {
        var bus = TestDevices.vehicleTerminal("VT-1");
        var point = new EventPoints().toPoint(RegisteredEvent.of(TestDevices.location("VT-1", 0), bus));

        assertThat(point.lineProtocol(TimeUnit.MILLISECONDS)).isEqualTo(
                "vehicle,device=VT-1,enterprise=E-ZZ-BUS,region=410100 "
                        + "alarm_bits=0i,direction=90i,lat=34.7466,lon=113.6253,speed=62.5,status_bits=3i " + at(0));
    }

    @Test
    void connectivityHasNoPoint() {
        var bus = TestDevices.vehicleTerminal("VT-1");
        var event = DeviceEvent.connectivity("VT-1", at(0), new Connectivity(Connectivity.State.CONNECTED, "gw", ""));
        assertThat(new EventPoints().toPoint(RegisteredEvent.of(event, bus))).isNull();
    }

    @Test
    void alarmPoint() {
        var alarm = new AlarmEvent("A0123456789abcde", AlarmState.CLEARED, AlarmType.THRESHOLD, "threshold:CH4", "GAS-1",
                "E-PDS-01", "", "410400", Industry.COAL_MINE, "", "CH4", "%", 2, 0.5, 0.8, at(0), at(50), false, null, null);

        assertThat(new AlarmPoints().toPoint(alarm).lineProtocol(TimeUnit.MILLISECONDS)).isEqualTo(
                "alarm,device=GAS-1,enterprise=E-PDS-01,level=2,region=410400,state=CLEARED,type=THRESHOLD "
                        + "alarm_id=\"A0123456789abcde\",metric=\"CH4\",rule=\"threshold:CH4\",threshold=0.8,value=0.5 "
                        + at(50));
    }

    @Test
    void acknowledgedAlarmPointNamesTheOperator() {
        var alarm = new AlarmEvent("A0123456789abcde", AlarmState.ACKNOWLEDGED, AlarmType.VEHICLE, "jt808:sos", "VT-1",
                "E-ZZ-BUS", "", "410100", Industry.ROAD_TRANSPORT, "", null, "", 1, 0, 0, at(0), at(30), false, "李调度",
                "已联系");

        assertThat(new AlarmPoints().toPoint(alarm).lineProtocol(TimeUnit.MILLISECONDS)).isEqualTo(
                "alarm,device=VT-1,enterprise=E-ZZ-BUS,level=1,region=410100,state=ACKNOWLEDGED,type=VEHICLE "
                        + "alarm_id=\"A0123456789abcde\",note=\"已联系\",operator=\"李调度\",rule=\"jt808:sos\","
                        + "threshold=0.0,value=0.0 " + at(30));
    }

    @Test
    void deviceStatusPoint() {
        var status = new DeviceStatus("GAS-1", DeviceStatus.Status.OFFLINE, at(60), "no message for 60 s", "E-PDS-01",
                "410400", Industry.COAL_MINE, DeviceKind.GAS_SENSOR);

        assertThat(new StatusPoints().toPoint(status).lineProtocol(TimeUnit.MILLISECONDS)).isEqualTo(
                "device_status,device=GAS-1,enterprise=E-PDS-01,industry=COAL_MINE,kind=GAS_SENSOR,region=410400 "
                        + "online=0i,reason=\"no message for 60 s\" " + at(60));
    }
}
