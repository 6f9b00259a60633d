package dev.anjian.alerting.sms;

import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmIds;
import dev.anjian.events.AlarmType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Renders the SMS for one alarm state change: who, where, what, how bad, when (GMT+8) and a short id
 * the officer can quote back. Example (RAISED, level 2):
 * {@code 【安监】平顶山某煤矿 1201回采工作面T1 CH4 1.62% 超二级阈值1.5%（二级报警）2026-11-29 16:00:05 编号A1b2c3d4}.
 * No phone number ever appears in the text, so it may be logged and kept in the ledger.
 */
public final class SmsText {

    private static final String SIGNATURE = "【安监】";
    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));
    private static final DateTimeFormatter CLOCK_TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));
    private static final int SUMMARY_ITEMS = 3;
    private static final String[] LEVEL_NAMES = {"", "一级", "二级", "三级", "四级"};

    public String render(AlarmEvent alarm) {
        return SIGNATURE + body(alarm);
    }

    /**
     * An unacknowledged alarm brought to the next tier, e.g.
     * {@code 【安监】报警15分钟未确认 平顶山某煤矿 1201回采工作面T1 CH4 1.62% ...（二级报警）2026-11-29 16:00:05 编号A1b2c3d4}.
     */
    public String escalation(AlarmEvent alarm, long minutesUnacknowledged) {
        return SIGNATURE + "报警" + minutesUnacknowledged + "分钟未确认 " + body(alarm);
    }

    /** A repeat while nobody acknowledges: {@code 【安监】第2次提醒 报警未确认 平顶山某煤矿 ...}. */
    public String reminder(AlarmEvent alarm, int number) {
        return SIGNATURE + "第" + number + "次提醒 报警未确认 " + body(alarm);
    }

    /**
     * One line of a storm summary: place, what and state without enterprise, time or id, e.g.
     * {@code 1201回采工作面T1 CH4 1.62% 超二级阈值1.5%（二级报警）}.
     */
    public String brief(AlarmEvent alarm) {
        return place(alarm) + ' ' + what(alarm) + state(alarm);
    }

    /**
     * A storm summary: how many alarm changes of one enterprise in the window, the first few briefs, the
     * first ids. Example: {@code 【安监】平顶山某煤矿 16:00:05-16:01:05 报警12条：1201回采工作面T1 CH4 ...；
     * 1202掘进工作面 CO ...；...等 详见监控平台 编号A1b2c3d4、A9f8e7d6等}.
     */
    public String summary(String enterpriseLabel, Instant from, Instant to, List<String> briefs,
            List<String> alarmIds) {
        int shown = Math.min(SUMMARY_ITEMS, briefs.size());
        StringBuilder text = new StringBuilder(SIGNATURE).append(enterpriseLabel).append(' ')
                .append(CLOCK_TIME.format(from)).append('-').append(CLOCK_TIME.format(to))
                .append(" 报警").append(briefs.size()).append("条：")
                .append(String.join("；", briefs.subList(0, shown)));
        if (briefs.size() > shown) {
            text.append("等");
        }
        text.append(" 详见监控平台 编号").append(String.join("、", alarmIds.stream().distinct().limit(SUMMARY_ITEMS)
                .map(AlarmIds::shortForm).toList()));
        if (alarmIds.stream().distinct().count() > SUMMARY_ITEMS) {
            text.append("等");
        }
        return text.toString();
    }

    /** The enterprise as shown in SMS: its name, or its id when the registry has no name. */
    public static String enterpriseLabel(AlarmEvent alarm) {
        return alarm.enterpriseName().isBlank() ? alarm.enterpriseId() : alarm.enterpriseName();
    }

    private static String body(AlarmEvent alarm) {
        return enterpriseLabel(alarm) + ' ' + place(alarm) + ' ' + what(alarm) + state(alarm)
                + LOCAL_TIME.format(Instant.ofEpochMilli(alarm.eventTime()))
                + " 编号" + AlarmIds.shortForm(alarm.alarmId());
    }

    private static String place(AlarmEvent alarm) {
        return alarm.location().isBlank() ? alarm.deviceId() : alarm.location();
    }

    /** The reading against its threshold, or what failed for alarms that have no threshold. */
    private static String what(AlarmEvent alarm) {
        if (alarm.type() == AlarmType.OFFLINE) {
            return "设备" + alarm.deviceId() + "离线";
        }
        if (alarm.type() == AlarmType.VEHICLE) {
            return "车辆报警 " + alarm.rule();
        }
        String metric = alarm.metric() == null ? "" : alarm.metric();
        if (alarm.type() == AlarmType.SENSOR_FAULT) {
            return metric + "传感器故障";
        }
        String value = number(alarm.value()) + alarm.unit();
        String threshold = number(alarm.threshold()) + alarm.unit();
        boolean above = alarm.value() >= alarm.threshold();
        return switch (alarm.state()) {
            case CLEARED -> metric + ' ' + value + ' ' + (above ? "高于" : "低于") + "解除值" + threshold;
            default -> metric + ' ' + value + ' ' + (above ? "超" : "低于") + level(alarm.level()) + "阈值" + threshold;
        };
    }

    private static String state(AlarmEvent alarm) {
        String level = level(alarm.level());
        return switch (alarm.state()) {
            case RAISED -> "（" + level + "报警）";
            case ESCALATED -> "（升级为" + level + "报警）";
            case CLEARED -> "（" + level + "报警解除）";
            case ACKNOWLEDGED -> "（已确认）";
            case HANDLED -> "（已处置）";
        };
    }

    static String level(int level) {
        if (level <= 0) {
            return "";
        }
        return level < LEVEL_NAMES.length ? LEVEL_NAMES[level] : level + "级";
    }

    /** Up to six significant digits, no trailing zeros: 1.62 -> "1.62", 1.0 -> "1", 0.0024 -> "0.0024". */
    static String number(double value) {
        return BigDecimal.valueOf(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
