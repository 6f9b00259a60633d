package dev.anjian.ingest.jt808.codec;

import static dev.anjian.ingest.jt808.codec.Golden.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.ingest.jt808.codec.FrameResult.Frame;
import dev.anjian.ingest.jt808.message.ActiveSafetyAlarm;
import dev.anjian.ingest.jt808.message.AdditionalItems;
import dev.anjian.ingest.jt808.message.Jt808Message;
import dev.anjian.ingest.jt808.message.LocationBatch;
import dev.anjian.ingest.jt808.message.LocationReport;
import dev.anjian.ingest.jt808.message.PlatformResponse;
import dev.anjian.ingest.jt808.message.RegisterResponse;
import dev.anjian.ingest.jt808.message.ResendRequest;
import dev.anjian.ingest.jt808.message.TerminalAuth;
import dev.anjian.ingest.jt808.message.TerminalRegister;
import dev.anjian.ingest.jt808.message.TimeQueryResponse;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyCodecTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 3, 15, 8, 30, 45);

    @Test
    void locationBasicBlock() {
        LocationReport r = (LocationReport) message(Golden.LOC_2013_ALL_ITEMS);
        assertThat(r.alarmBits()).isEqualTo(0x802);
        assertThat(r.alarm(1)).as("overspeed").isTrue();
        assertThat(r.alarm(11)).as("camera fault").isTrue();
        assertThat(r.statusBits()).isEqualTo(0x000C0003);
        assertThat(r.latitudeMicroDeg()).isEqualTo(34_746_600);
        assertThat(r.latitudeDeg()).isEqualTo(34.7466);
        assertThat(r.longitudeDeg()).isEqualTo(113.6253);
        assertThat(r.altitudeM()).isEqualTo(110);
        assertThat(r.speedDeciKmh()).isEqualTo(1025);
        assertThat(r.speedKmh()).isEqualTo(102.5);
        assertThat(r.directionDeg()).isEqualTo(90);
        assertThat(r.timeGmt8()).isEqualTo(T);
        assertThat(Jt808Time.toEpochMillis(r.timeGmt8())).isEqualTo(java.time.Instant.parse("2026-03-15T00:30:45Z").toEpochMilli());
    }

    @Test
    void every808AdditionalItem() {
        AdditionalItems i = ((LocationReport) message(Golden.LOC_2013_ALL_ITEMS)).items();
        assertThat(i.mileageDeciKm()).isEqualTo(123_456L);
        assertThat(i.fuelDeciL()).isEqualTo(800);
        assertThat(i.tachographSpeedDeciKmh()).isEqualTo(1020);
        assertThat(i.manualConfirmEventId()).isEqualTo(7);
        assertThat(i.overspeedArea()).isEqualTo(new AdditionalItems.OverspeedArea(1, 0x01020304L));
        assertThat(i.areaRouteAlarm()).isEqualTo(new AdditionalItems.AreaRouteAlarm(2, 99, 1));
        assertThat(i.routeTimeAlarm()).isEqualTo(new AdditionalItems.RouteTimeAlarm(5, 600, 0));
        assertThat(i.extendedSignalBits()).isEqualTo(1L);
        assertThat(i.ioStatusBits()).isEqualTo(2);
        assertThat(i.analogAd0Ad1()).isEqualTo(0x00640032L);
        assertThat(i.signalStrength()).isEqualTo(25);
        assertThat(i.satelliteCount()).isEqualTo(12);
        assertThat(i.others()).containsExactly(new AdditionalItems.RawItem(0xE1, "aabbcc"));
    }

    @Test
    void videoItemsOf1078() {
        AdditionalItems i = ((LocationReport) message(Golden.LOC_2013_ALL_ITEMS)).items();
        assertThat(i.videoAlarmBits()).as("bit0 signal loss, bit5 abnormal driving").isEqualTo(0x21L);
        assertThat(i.videoLossChannels()).as("channels 1 and 3").isEqualTo(5L);
        assertThat(i.videoOcclusionChannels()).as("channel 2").isEqualTo(2L);
        assertThat(i.storageFaultBits()).isEqualTo(0x1001);
        assertThat(i.abnormalDriving()).isEqualTo(new AdditionalItems.AbnormalDriving(1, 80));
    }

    @Test
    void suBiaoAdasAndDsm() {
        List<ActiveSafetyAlarm> alarms = ((LocationReport) message(Golden.LOC_2013_ALL_ITEMS)).items().activeSafety();
        assertThat(alarms).hasSize(2);
        ActiveSafetyAlarm adas = alarms.get(0);
        assertThat(adas.itemId()).isEqualTo(ActiveSafetyAlarm.ADAS);
        assertThat(adas.alarmId()).isEqualTo(1);
        assertThat(adas.flag()).as("start").isEqualTo(1);
        assertThat(adas.type()).as("forward collision").isEqualTo(1);
        assertThat(adas.level()).isEqualTo(2);
        assertThat(adas.typeSpecificHex()).as("front vehicle 60 km/h, headway 1.5 s").isEqualTo("3c0f000000");
        assertThat(adas.speedKmh()).isEqualTo(80);
        assertThat(adas.altitudeM()).isEqualTo(110);
        assertThat(adas.latitudeMicroDeg()).isEqualTo(34_746_600);
        assertThat(adas.longitudeMicroDeg()).isEqualTo(113_625_300);
        assertThat(adas.timeGmt8()).isEqualTo(T);
        assertThat(adas.vehicleStatusBits()).isEqualTo(1);
        assertThat(adas.alarmIdentifierHex()).isEqualTo("54303030303031" + "260315083045" + "000300");
        assertThat(adas.attachmentCount()).isEqualTo(3);
        ActiveSafetyAlarm dsm = alarms.get(1);
        assertThat(dsm.itemId()).isEqualTo(ActiveSafetyAlarm.DSM);
        assertThat(dsm.flag()).as("end").isEqualTo(2);
        assertThat(dsm.type()).as("phone call").isEqualTo(2);
        assertThat(dsm.level()).isEqualTo(1);
    }

    @Test
    void hemisphereFromStatusBitsIn2019() {
        Frame frame = (Frame) FrameCodec.decode(bytes(Golden.LOC_2019_SW));
        LocationReport r = (LocationReport) ((Decoded.Message) BodyCodec.decode(frame.header(), frame.body())).message();
        assertThat(frame.header().version2019()).isTrue();
        assertThat(r.latitudeDeg()).isEqualTo(-33.5);
        assertThat(r.longitudeDeg()).isEqualTo(-70.25);
        assertThat(r.directionDeg()).isEqualTo(359);
        assertThat(r.items()).isEqualTo(AdditionalItems.NONE);
    }

    @Test
    void register2013And2019() {
        TerminalRegister r13 = (TerminalRegister) message(Golden.REG_2013);
        assertThat(r13).isEqualTo(new TerminalRegister(41, 100, "HNZZ1", "JT808-SIM", "T000001", 2, "豫A12345"));
        assertThat(message(Golden.REG_2019)).isEqualTo(r13);
    }

    @Test
    void auth2013And2019() {
        assertThat(message(Golden.AUTH_2013)).isEqualTo(new TerminalAuth("abcdef0123456789", "", ""));
        assertThat(message(Golden.AUTH_2019)).isEqualTo(new TerminalAuth("abcdef0123456789", "860000000000001", "1.0.0"));
    }

    @Test
    void blindAreaBatch() {
        LocationBatch batch = (LocationBatch) message(Golden.BATCH_BLIND);
        assertThat(batch.blindAreaResend()).isTrue();
        assertThat(batch.reports()).hasSize(2);
        assertThat(batch.reports().get(0).alarmBits()).isEqualTo(1);
        assertThat(batch.reports().get(0).speedKmh()).isEqualTo(60.0);
        assertThat(batch.reports().get(1).items().signalStrength()).isEqualTo(20);
    }

    @Test
    void platformMessagesMatchTheirGoldenFrames() {
        assertThat(encode(0x8001, "013800000001", 5, false, new PlatformResponse(0x10, 0x0200, PlatformResponse.ALARM_CONFIRMED)))
                .isEqualTo(Golden.RESP_8001_ALARM);
        assertThat(encode(0x8100, "013800000001", 0, false, new RegisterResponse(1, RegisterResponse.OK, "abc")))
                .isEqualTo(Golden.RESP_8100);
        assertThat(encode(0x8004, "13800000001", 3, true, new TimeQueryResponse(T))).isEqualTo(Golden.TIME_8004_2019);
        assertThat(encode(0x8003, "013800000001", 4, false, new ResendRequest(0x30, List.of(2, 4))))
                .isEqualTo(Golden.RESEND_8003);
    }

    @Test
    void refusedRegistrationCarriesNoAuthCode() {
        assertThat(new RegisterResponse(1, RegisterResponse.NO_SUCH_TERMINAL, "secret").authCode()).isEmpty();
    }

    @Test
    void roundTripsEveryTerminalGolden() {
        for (String golden : new String[] {Golden.LOC_2013_ALL_ITEMS, Golden.LOC_2019_SW, Golden.REG_2013,
                Golden.REG_2019, Golden.AUTH_2013, Golden.AUTH_2019, Golden.BATCH_BLIND, Golden.HEARTBEAT_2013}) {
            Frame frame = (Frame) FrameCodec.decode(bytes(golden));
            Jt808Message m = message(golden);
            assertThat(BodyCodec.encode(m, frame.header().version2019())).as(golden).isEqualTo(frame.body());
        }
    }

    @Test
    void malformedBodiesAreValuesNamingTheField() {
        Header h = Header.of(0x0200, "13800000001", 1, false);
        Decoded.Rejected shortBody = (Decoded.Rejected) BodyCodec.decode(h, new byte[17]);
        assertThat(shortBody.reason()).isEqualTo(BadInput.MALFORMED_BODY);
        assertThat(shortBody.detail()).contains("'altitude'");
        byte[] badTime = bytes("00000000" + "00000003" + "021230e8" + "06c5c8d4" + "0000" + "0000" + "0000" + "2613a5083045");
        assertThat(((Decoded.Rejected) BodyCodec.decode(h, badTime)).detail()).contains("'time'");
        byte[] itemPastEnd = bytes("00000000" + "00000003" + "021230e8" + "06c5c8d4" + "0000" + "0000" + "0000"
                + "260315083045" + "0104000001");
        assertThat(((Decoded.Rejected) BodyCodec.decode(h, itemPastEnd)).detail()).contains("additional item 1");
    }

    @Test
    void knownItemWithUnexpectedLengthIsKeptRaw() {
        byte[] body = bytes("00000000" + "00000003" + "021230e8" + "06c5c8d4" + "0000" + "0000" + "0000"
                + "260315083045" + "010300000a" + "1802" + "0003");
        LocationReport r = (LocationReport) ((Decoded.Message) BodyCodec.decode(Header.of(0x0200, "1", 1, false), body)).message();
        assertThat(r.items().mileageDeciKm()).isNull();
        assertThat(r.items().others()).containsExactly(new AdditionalItems.RawItem(1, "00000a"));
        assertThat(r.items().abnormalDriving()).as("0x18 as the table's 2 bytes").isEqualTo(new AdditionalItems.AbnormalDriving(3, null));
    }

    @Test
    void unknownAndEncryptedMessagesAreUnsupported() {
        Decoded unknown = BodyCodec.decode(Header.of(0x0900, "1", 1, false), new byte[3]);
        assertThat(((Decoded.Rejected) unknown).reason()).isEqualTo(BadInput.UNSUPPORTED_MESSAGE);
        assertThat(((Decoded.Rejected) unknown).detail()).contains("0x0900");
        Header encrypted = new Header(0x0002, 0, 1, false, false, 0, "013800000001", 1, 0, 0);
        assertThat(((Decoded.Rejected) BodyCodec.decode(encrypted, new byte[0])).reason()).isEqualTo(BadInput.UNSUPPORTED_MESSAGE);
    }

    private static Jt808Message message(String golden) {
        Frame frame = (Frame) FrameCodec.decode(bytes(golden));
        return ((Decoded.Message) BodyCodec.decode(frame.header(), frame.body())).message();
    }

    private static String encode(int id, String phone, int serial, boolean v2019, Jt808Message m) {
        assertThat(m.messageId()).isEqualTo(id);
        return HexFormat.of().formatHex(FrameCodec.encode(Header.of(id, phone, serial, v2019), BodyCodec.encode(m, v2019)));
    }
}
