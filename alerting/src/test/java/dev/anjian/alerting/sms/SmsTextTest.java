package dev.anjian.alerting.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.alerting.TestAlarms;
import dev.anjian.events.AlarmState;
import dev.anjian.events.AlarmType;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden texts: exactly what an officer's phone shows. */
class SmsTextTest {

    private final SmsText smsText = new SmsText();

    @Test
    void raisedLevelTwo() {
        assertThat(smsText.render(TestAlarms.methane().build()))
                .isEqualTo("【安监】平顶山某煤矿 1201回采工作面T1 CH4 1.62% 超二级阈值1.5%（二级报警）2026-11-29 16:00:05 编号A1b2c3d4");
    }

    @Test
    void raisedLevelOne() {
        assertThat(smsText.render(TestAlarms.methane().level(1).value(1.12).threshold(1.0).build()))
                .isEqualTo("【安监】平顶山某煤矿 1201回采工作面T1 CH4 1.12% 超一级阈值1%（一级报警）2026-11-29 16:00:05 编号A1b2c3d4");
    }

    @Test
    void escalated() {
        assertThat(smsText.render(TestAlarms.methane().state(AlarmState.ESCALATED)
                .at(Instant.parse("2026-11-29T08:03:41Z")).build()))
                .isEqualTo("【安监】平顶山某煤矿 1201回采工作面T1 CH4 1.62% 超二级阈值1.5%（升级为二级报警）2026-11-29 16:03:41 编号A1b2c3d4");
    }

    @Test
    void cleared() {
        assertThat(smsText.render(TestAlarms.methane().state(AlarmState.CLEARED).value(0.82).threshold(1.0)
                .at(Instant.parse("2026-11-29T08:20:00Z")).build()))
                .isEqualTo("【安监】平顶山某煤矿 1201回采工作面T1 CH4 0.82% 低于解除值1%（二级报警解除）2026-11-29 16:20:00 编号A1b2c3d4");
    }

    @Test
    void lowDirectionMetricSaysBelow() {
        assertThat(smsText.render(TestAlarms.methane().metric("O2", "%").level(1).value(18.9).threshold(19.5).build()))
                .isEqualTo("【安监】平顶山某煤矿 1201回采工作面T1 O2 18.9% 低于一级阈值19.5%（一级报警）2026-11-29 16:00:05 编号A1b2c3d4");
    }

    @Test
    void offlineDeviceWithoutNameOrPlaceFallsBackToIds() {
        assertThat(smsText.render(TestAlarms.methane().type(AlarmType.OFFLINE).rule("offline").level(0)
                .enterprise("E-HN-COAL-01", "").location("").build()))
                .isEqualTo("【安监】E-HN-COAL-01 HN-PDS-CM01-CH4-T1 设备HN-PDS-CM01-CH4-T1离线（报警）2026-11-29 16:00:05 编号A1b2c3d4");
    }

    @Test
    void sensorFault() {
        assertThat(smsText.render(TestAlarms.methane().type(AlarmType.SENSOR_FAULT).rule("fault:CH4").level(0).build()))
                .isEqualTo("【安监】平顶山某煤矿 1201回采工作面T1 CH4传感器故障（报警）2026-11-29 16:00:05 编号A1b2c3d4");
    }

    @Test
    void escalationAndReminderSayNobodyAcknowledged() {
        assertThat(smsText.escalation(TestAlarms.methane().build(), 10))
                .isEqualTo("【安监】报警10分钟未确认 平顶山某煤矿 1201回采工作面T1 CH4 1.62% 超二级阈值1.5%（二级报警）2026-11-29 16:00:05 编号A1b2c3d4");
        assertThat(smsText.reminder(TestAlarms.methane().build(), 2))
                .isEqualTo("【安监】第2次提醒 报警未确认 平顶山某煤矿 1201回采工作面T1 CH4 1.62% 超二级阈值1.5%（二级报警）2026-11-29 16:00:05 编号A1b2c3d4");
    }

    @Test
    void aStormSummaryCountsListsThreeAndGivesTheFirstIds() {
        java.util.List<String> briefs = java.util.List.of("T1 CH4 1.62%（二级报警）", "T2 CH4 1.2%（一级报警）", "T3 CO 30ppm（一级报警）",
                "T4 CH4 1.1%（一级报警）");
        assertThat(smsText.summary("平顶山某煤矿", Instant.parse("2026-11-29T08:00:05Z"), Instant.parse("2026-11-29T08:01:05Z"),
                briefs, java.util.List.of("A1b2c3d4e5", "A2b2c3d4e5", "A3b2c3d4e5", "A4b2c3d4e5")))
                .isEqualTo("【安监】平顶山某煤矿 16:00:05-16:01:05 报警4条：T1 CH4 1.62%（二级报警）；T2 CH4 1.2%（一级报警）；"
                        + "T3 CO 30ppm（一级报警）等 详见监控平台 编号A1b2c3d4、A2b2c3d4、A3b2c3d4等");
    }

    @Test
    void localTimeIsChinaStandardTimeAcrossMidnightUtc() {
        assertThat(smsText.render(TestAlarms.methane().at(Instant.parse("2026-11-29T16:30:00Z")).build()))
                .contains("2026-11-30 00:30:00");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1.62, 1.62", "1.0, 1", "1.5, 1.5", "0.0024, 0.0024", "25, 25", "0.30000000000000004, 0.3", "1234.5, 1234.5"})
    void numbersHaveNoNoise(double value, String shown) {
        assertThat(SmsText.number(value)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "level {0} -> {1}")
    @CsvSource(nullValues = "NULL", value = {"0, NULL", "1, 一级", "2, 二级", "3, 三级", "5, 5级"})
    void levelNames(int level, String name) {
        assertThat(SmsText.level(level)).isEqualTo(name == null ? "" : name);
    }
}
